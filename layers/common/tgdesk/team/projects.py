"""Reading projects: one by id (NotFound when there is none), every project."""

from __future__ import annotations

from tgdesk.core.errors import NotFound
from tgdesk.storage import projects
from tgdesk.storage.records.project import Project


def get_project(project_id: str) -> Project:
    project = projects.get_project(project_id)
    if project is None:
        raise NotFound("no such project", code="project_not_found")
    return project


def list_projects() -> list[Project]:
    """Every project, by creation."""
    return projects.list_projects()
