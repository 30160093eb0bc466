"""`python -m kgraph` is the `kgraph` command."""

from kgraph.cli import main

if __name__ == "__main__":
    main()
