"""Decisions in colour on a terminal only."""

from __future__ import annotations

import io

import pytest

from sanctionscreen import screen
from sanctionscreen.cli.colour import coloured, wants_colour


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


TEXT = screen("Dalian Tianbao Intl Logistics Co Ltd").text()


def test_a_terminal_gets_the_decisions_in_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    shown = coloured(TEXT, Terminal())
    assert shown.startswith("'Dalian Tianbao Intl Logistics Co Ltd': \033[1;31mMATCH\033[0m")
    assert "\n\033[1;31mMATCH\033[0m 1.000: DALIAN SUN MOON STAR" in shown
    assert shown.replace("\033[1;31m", "").replace("\033[0m", "") == TEXT


@pytest.mark.parametrize("setting", [("NO_COLOR", "1"), ("TERM", "dumb")])
def test_no_color_a_dumb_terminal_or_a_pipe_get_plain_text(
        monkeypatch: pytest.MonkeyPatch, setting: tuple[str, str]) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert coloured(TEXT, io.StringIO()) == TEXT  # piped
    monkeypatch.setenv(*setting)
    assert not wants_colour(Terminal()) and coloured(TEXT, Terminal()) == TEXT


def test_a_listed_name_holding_a_decision_word_is_left_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert coloured("Listed 'CLEAR WATER TRADING' was compared", Terminal()) == (
        "Listed 'CLEAR WATER TRADING' was compared")
