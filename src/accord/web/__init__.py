"""The analysts' workspace (``accord serve``, the ``[web]`` extra).

A FastAPI application with server-rendered pages (Jinja2 + HTMX), a JSON API, server-sent
events for job progress and a store of scenario revisions (:mod:`accord.web.store`). It calls
only Accord's public facade: no analysis is implemented twice.
"""
