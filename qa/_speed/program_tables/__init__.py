"""Shipped compiled pattern programs, one module per engine build (qa/_speed/programs.py)."""
