"""hcmlc: run a UNESCO Learning City programme from a Git repository of YAML files."""

__version__ = "0.1.0"
