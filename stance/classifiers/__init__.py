"""Built-in stance classifiers, each an ordinary plugin (see stance.plugins.BUILTIN_PLUGINS)."""
