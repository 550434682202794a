"""Alerts: a change a rule wants, sent to the terminal, a JSON Lines file, a webhook or an
e-mail address.

Each (change, rule, destination) is recorded in `watch_deliveries` once sent, so an alert is
sent once; one whose destination failed stays pending and is sent again the next round.
"""

from __future__ import annotations

import json
import smtplib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Protocol

import httpx

from ..errors import CommuniqueError
from ..store.database import Database
from ..store.watch import DELIVERIES, Change, Delivery, insert_rows
from .changes import recorded_changes
from .rules import EmailServer, Rule


class DeliveryError(CommuniqueError):
    """An alert could not be delivered; it is tried again the next round."""


@dataclass(frozen=True)
class Alert:
    rule: str
    change: Change

    def line(self) -> str:
        """One line for a person: what changed, between whom, and the evidence."""
        c = self.change
        moved = f"{c.before} -> {c.after}" if c.before is not None else (c.after or "")
        quote = f' "{c.evidence}"' if c.evidence else ""
        return f"[{self.rule}] {c.change} {c.dyad} {c.kind or ''}: {moved}{quote}".strip()

    def to_dict(self) -> dict[str, Any]:
        # `text` is what chat tools (Slack, Mattermost, Discord's slack endpoint) display.
        return {"rule": self.rule, "text": self.line(), **self.change.to_dict()}


class Destination(Protocol):
    def send(self, alert: Alert) -> None: ...


class Terminal:
    def __init__(self, echo: Callable[[str], None]) -> None:
        self.echo = echo

    def send(self, alert: Alert) -> None:
        self.echo(f"alert {alert.line()}")


class JsonLines:
    """Appends one JSON object a line to a file, each alert once.

    A watcher killed between writing an alert and recording it as sent sends it again when it
    comes back: an alert the file already holds (the same rule and change) is not written a
    second time, and a line the kill cut short is ended before the next.
    """

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._written: set[tuple[str, str]] | None = None
        self._cut_short = False

    def send(self, alert: Alert) -> None:
        written = self._already_written()
        key = (alert.rule, alert.change.change_id)
        if key in written:
            return
        line = json.dumps(alert.to_dict(), ensure_ascii=False) + "\n"
        try:
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write("\n" + line if self._cut_short else line)
        except OSError as error:
            raise DeliveryError(f"{self.path}: cannot write ({error.strerror or error})") from error
        self._cut_short = False
        written.add(key)

    def _already_written(self) -> set[tuple[str, str]]:
        """The (rule, change) of each alert in the file, read once."""
        if self._written is not None:
            return self._written
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            text = ""
        except OSError as error:
            raise DeliveryError(f"{self.path}: cannot read ({error.strerror or error})") from error
        self._cut_short = bool(text) and not text.endswith("\n")
        self._written = set()
        for line in text.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue  # a line the kill cut short
            if isinstance(item, dict):
                self._written.add((str(item.get("rule")), str(item.get("change_id"))))
        return self._written


class Webhook:
    """POSTs each alert as JSON; any answer but 2xx is a failed delivery."""

    def __init__(self, url: str, client: httpx.Client) -> None:
        self.url, self.client = url, client

    def send(self, alert: Alert) -> None:
        try:
            response = self.client.post(self.url, json=alert.to_dict())
        except httpx.HTTPError as error:
            raise DeliveryError(f"{self.url}: {type(error).__name__}: {error}") from error
        if not response.is_success:
            raise DeliveryError(f"{self.url}: the webhook answered {response.status_code}")


class Email:
    """Mails each alert, its line as the subject and every field of the change as the body."""

    def __init__(self, address: str, server: EmailServer, timeout: float) -> None:
        self.address, self.server, self.timeout = address, server, timeout

    def send(self, alert: Alert) -> None:
        message = EmailMessage()
        message["From"] = self.server.sender
        message["To"] = self.address
        # One line, however the evidence was broken: a header cannot hold a line break.
        message["Subject"] = " ".join(f"communique {alert.line()}".split())[:200]
        message.set_content(json.dumps(alert.to_dict(), ensure_ascii=False, indent=2))
        try:
            with smtplib.SMTP(self.server.host, self.server.port, timeout=self.timeout) as smtp:
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise DeliveryError(f"mailto:{self.address}: {error}") from error


class Deliverer:
    """Sends each pending alert of the rules to their destinations, once."""

    def __init__(
        self, rules: Sequence[Rule], echo: Callable[[str], None], timeout: float = 10.0
    ) -> None:
        self.rules = list(rules)
        self.timeout = timeout
        self._client = httpx.Client(timeout=timeout)
        self._destinations: dict[str, Destination] = {}
        self.echo = echo

    def close(self) -> None:
        self._client.close()

    def deliver(self, db: Database) -> tuple[list[Alert], list[str]]:
        """(alerts sent, one error line per destination that failed) for every change on
        record that a rule wants and that was not yet sent where the rule sends it."""
        sent, errors = [], []
        changes = recorded_changes(db)
        for rule in self.rules:
            for target in rule.send_to:
                done = self._delivered(db, rule.name, target)
                pending = [c for c in changes if c.change_id not in done and rule.matches(c)]
                try:
                    sent += self._send(db, rule, target, pending)
                except DeliveryError as error:
                    errors.append(str(error))
        return sent, errors

    def _send(self, db: Database, rule: Rule, target: str, changes: list[Change]) -> list[Alert]:
        sent = []
        for change in changes:
            alert = Alert(rule.name, change)
            self._destination(rule, target).send(alert)
            at = datetime.now(UTC).isoformat(timespec="seconds")
            insert_rows(db, DELIVERIES, [Delivery(change.change_id, rule.name, target, at)])
            sent.append(alert)
        return sent

    def _delivered(self, db: Database, rule: str, target: str) -> set[str]:
        rows = db.con.execute(
            f"SELECT change_id FROM {DELIVERIES.name} WHERE rule = ? AND destination = ?",
            [rule, target],
        ).fetchall()
        return {row[0] for row in rows}

    def _destination(self, rule: Rule, target: str) -> Destination:
        if target not in self._destinations:
            self._destinations[target] = self._make(rule, target)
        return self._destinations[target]

    def _make(self, rule: Rule, target: str) -> Destination:
        if target == "terminal":
            return Terminal(self.echo)
        if target.startswith(("http://", "https://")):
            return Webhook(target, self._client)
        if target.startswith("mailto:") and rule.email:
            return Email(target.removeprefix("mailto:"), rule.email, self.timeout)
        return JsonLines(target)
