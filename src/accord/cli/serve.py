"""``accord serve``: the analysts' workspace in a browser (the ``[web]`` extra)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.app import app, console
from accord.errors import AccordError, Problem


@app.command("serve")
def serve_cmd(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; beyond localhost needs users.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Folder of the embedded store (default: the user data dir)."),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option("--db", help="A team store instead: postgresql://user@host/dbname."),
    ] = None,
    scenario: Annotated[
        str, typer.Option("--open", help="Built-in scenario imported into an empty store.")
    ] = "korea-2018",
    author: Annotated[
        str | None, typer.Option("--author", help="Your name on saves (localhost only).")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help="Processes for jobs.")
    ] = 1,
    dask: Annotated[
        str | None, typer.Option("--dask", help="Dask scheduler address for simulations.")
    ] = None,
    add_user: Annotated[
        str | None,
        typer.Option(
            "--add-user",
            help="NAME:ROLE (viewer, editor, admin): add a user (password asked), then exit.",
        ),
    ] = None,
) -> None:
    """Start the workspace: versioned scenarios, live what-if, jobs with progress."""
    try:
        import uvicorn

        from accord.web.app import create_app
        from accord.web.settings import Settings, default_data_dir
        from accord.web.store import database_url
    except ImportError:
        raise AccordError(
            Problem(
                "the workspace needs the [web] extra",
                expected="pip install 'accord[web]'",
                found="FastAPI, SQLAlchemy or uvicorn missing",
            )
        ) from None
    url = database_url(db, (data or default_data_dir()).expanduser())
    if add_user is not None:
        _add_user(url, add_user)
        return
    who = author or getpass.getuser()
    settings = Settings(
        db_url=url, host=host, author=who, open_scenario=scenario, workers=workers, scheduler=dask
    )
    web = create_app(settings)
    console.print(f"Accord workspace on http://{host}:{port}/s/{scenario}  (store: {_show(url)})")
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _show(url: str) -> str:
    """Return the store's URL without a password."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://…@{rest.rsplit('@', 1)[1]}"
    return url


def _add_user(url: str, spec: str) -> None:
    from accord.web.security import add_user
    from accord.web.store import open_engine

    name, _, role = spec.partition(":")
    password = typer.prompt(f"Password for {name}", hide_input=True, confirmation_prompt=True)
    engine = open_engine(url)
    try:
        add_user(engine, name, password, role or "viewer")
    finally:
        engine.dispose()
    console.print(f"user {name} ({role or 'viewer'}) saved")
