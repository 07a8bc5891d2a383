"""Versions of tools the generated repository pins.

The generated workflow builds with this repo2docker, the one the template's
own tests build with (requirements-dev.txt); a test keeps the two equal.
"""

REPO2DOCKER_REQUIREMENT = "jupyter-repo2docker==2026.4.0"
