"""Register this project's Shiny app with the image's Jupyter server.

    python register_shiny_app.py CONFIG_DIR APP_DIR

The Dockerfile runs this once, while the image is built. It adds a `shiny`
entry to jupyter-server-proxy's servers in CONFIG_DIR/jupyter_server_config.json
and keeps everything else the file holds. Jupyter then starts the app at the
first visit to /shiny/, with shiny::runApp(APP_DIR) on a free port, and passes
its pages and websocket through. If the app fails to start, R's error message
is in the Jupyter server's log.

CONFIG_DIR is the Jupyter environment's own folder (/opt/venv/etc/jupyter in
the rocker images): mybinder.org mounts its own configuration over
/etc/jupyter, and jupyter-server-proxy reads its servers from this main
configuration file only. Python standard library only.
"""

import json
import os
import sys

# jupyter-server-proxy puts the port it chose where this placeholder stands
# (it fills the command in with str.format, so other braces are doubled).
PORT = "{" + "port" + "}"


def r_string(text):
    """An R string literal holding exactly `text`, spaces and quotes included."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("{", "{" * 2).replace("}", "}" * 2) + '"'


def shiny_server(app_dir):
    run_app = f"shiny::runApp({r_string(app_dir)}, port = {PORT}, launch.browser = FALSE)"
    return {
        "command": ["R", "--no-save", "--no-restore", "--quiet", "-e", run_app],
        # R and shiny can take a while to start on a busy Binder node.
        "timeout": 60,
        "absolute_url": False,
        "launcher_entry": {"title": "Shiny", "enabled": True},
    }


def register(config_dir, app_dir):
    path = os.path.join(config_dir, "jupyter_server_config.json")
    config = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as file:
            config = json.load(file)
    config.setdefault("ServerProxy", {}).setdefault("servers", {})["shiny"] = shiny_server(app_dir)
    os.makedirs(config_dir, exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        json.dump(config, file, indent=2)
        file.write("\n")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    written = register(sys.argv[1], sys.argv[2])
    print(f"The Shiny app in {sys.argv[2]} opens at /shiny/ (registered in {written})")
