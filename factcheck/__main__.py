"""``python -m factcheck``."""

from factcheck.cli.main import main

if __name__ == "__main__":  # worker processes started with forkserver/spawn import this module too
    main()
