"""An example stance plugin; see plugin.py."""
