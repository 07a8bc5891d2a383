"""Trim disabled options, pin the image, print next steps; see binder_template/hook_steps.py."""

import json
import os
import sys

sys.path.insert(0, {{ binder_template_root | tojson }})

from binder_template.hook_steps import post_gen_project  # noqa: E402

# The answers arrive as a JSON document inside a string literal (tojson twice),
# so no answer is ever pasted into this file as Python source.
ANSWERS = json.loads({{ cookiecutter | tojson | tojson }})

sys.exit(post_gen_project(ANSWERS, os.getcwd()))
