"""`python -m communique.cli …`, as the `communique` console script."""

from communique.cli import main

main()
