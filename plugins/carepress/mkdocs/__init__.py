"""Thin MkDocs adapters over the CarePress core. Nothing here decides what is safe."""
