// Bluesky's own rich-text code (@atproto/api, what its composer runs on a pasted text):
// reads a JSON list of texts on stdin, prints for each its grapheme length and the facets
// the composer detects (no network: mentions are not resolved).
import { RichText } from '@atproto/api'

let input = ''
for await (const chunk of process.stdin) input += chunk
const results = JSON.parse(input).map((text) => {
  const rt = new RichText({ text })
  rt.detectFacetsWithoutResolution()
  return { graphemes: rt.graphemeLength, facets: rt.facets ?? [] }
})
process.stdout.write(JSON.stringify(results))
