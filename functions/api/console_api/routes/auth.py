"""Logging in and out, and who am I."""

from __future__ import annotations

from fastapi import APIRouter, Response

from console_api.deps import BearerToken, CurrentAgent
from console_api.models import AgentPublic, LoginRequest, LoginResponse
from tgdesk import auth

router = APIRouter(tags=["auth"])


@router.post("/auth/login")
def login(body: LoginRequest) -> LoginResponse:
    token, agent, expires_at = auth.login(body.username, body.password.get_secret_value())
    return LoginResponse(token=token, expires_at=expires_at, agent=AgentPublic(**agent))


@router.post("/auth/logout", status_code=204)
def logout(token: BearerToken, _: CurrentAgent) -> Response:
    auth.logout(token)
    return Response(status_code=204)


@router.get("/me")
def me(agent: CurrentAgent) -> AgentPublic:
    return AgentPublic(**agent)
