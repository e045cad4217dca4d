"""Sub-commands of `installation`: each module registers its parser and runs it."""
