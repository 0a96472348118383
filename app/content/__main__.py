"""``python -m app.content check`` — the content commands without the web app."""

from app.content.cli import content

if __name__ == "__main__":
    content(prog_name="python -m app.content")
