"""Tidy up and print the next steps; see binder_template/hook_steps.py."""

import sys

# cookiecutter runs a copy of this file from the temporary folder, which Python
# puts first on sys.path: drop it before importing anything, so that a json.py
# or os.py planted there cannot run here.
sys.path = [p for p in sys.path if p.replace("\\", "/") != __file__.replace("\\", "/").rpartition("/")[0]]

import json  # noqa: E402
import os  # noqa: E402

sys.path.insert(0, {{ binder_template_root | tojson }})

from binder_template.hook_steps import post_gen_project  # noqa: E402

try:
    # The answers arrive as a JSON document inside a string literal (tojson
    # twice), so no answer is ever pasted into this file as Python source.
    sys.exit(post_gen_project(json.loads({{ cookiecutter | tojson | tojson }}), os.getcwd()))
except KeyboardInterrupt:
    sys.exit(130)  # as a shell does; cookiecutter's process undoes the run and says so
finally:
    os.remove(__file__)  # the copy holds the answers; cookiecutter leaves it behind
