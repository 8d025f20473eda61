"""Writing a plan version: its number, sequence and keys, retried when another worker wins a race.

The graph refuses a second version with one number or one sequence in a plan (unique ``version_key``
/ ``seq_key``, core.plan_keys, ADR 0015), across API worker processes; this mixin of
``plans.service_versions.PlanVersionLifecycle`` reads the versions again and retries, or refuses an
explicit number taken meanwhile exactly as it would have been refused before the write.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

from core.errors import UniqueConflictError, ValidationError
from core.plan_document import EmergencyPlan
from core.plan_keys import clean_name, normalise, seq_key, version_key
from core.scope import Principal
from graph.plan_repository import PlanGraphRepository
from plans.version_rules import refuse_taken_number, rollback_number

# Tries of a version write that lost a race for its sequence or (automatic) number to another worker.
WRITE_ATTEMPTS = 4
NumberRule = Callable[[set[str]], str]  # taken numbers (normalised) → the number to write, or refuse


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12].upper()}"


class VersionWrites:
    repo: PlanGraphRepository
    clock: Callable[[], int]

    def _create_version(
        self,
        principal: Principal,
        plan: dict[str, Any],
        number: NumberRule,
        *,
        upload: bool = False,
        **version: Any,
    ) -> str:
        """Number, sequence and write a version. Another worker may take the number or the sequence
        between the read and the write (the graph then refuses it, ``UniqueConflictError``): read
        again and retry; an explicit number taken meanwhile is refused by ``number`` on the retry."""
        for attempt in range(WRITE_ATTEMPTS):
            versions = self.repo.versions(plan["id"])
            version_no = number({normalise(v["version_no"]) for v in versions})
            seq = max((int(v.get("seq") or 0) for v in versions), default=0) + 1
            props = self._version_props(principal, plan, seq=seq, version_no=version_no, **version)
            try:
                # an upload is refused in the write when a plan the principal sees holds the file
                self.repo.create_version(plan["id"], props, unseen_by=principal.scope if upload else None)
                return str(props["id"])
            except UniqueConflictError as exc:
                # a file held elsewhere stays held: only a number or a sequence is worth a retry
                if attempt == WRITE_ATTEMPTS - 1 or exc.details.get("property") == "source_sha256":
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _taken_numbers(self, plan_id: str) -> set[str]:
        return {normalise(v["version_no"]) for v in self.repo.versions(plan_id)}

    def _version_props(
        self,
        principal: Principal,
        plan: dict[str, Any],
        *,
        seq: int,
        document: EmergencyPlan,
        review: dict[str, str],
        version_no: str,
        issue_status: str,
        issued_at: str | None = None,
        town: str | None = None,
        enterprise_id: str | None = None,
        accident_category: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        props = {
            "id": new_id("PV"),
            "plan_id": plan["id"],
            "seq": seq,
            "seq_key": seq_key(plan["id"], seq),
            "version_no": version_no,
            "version_key": version_key(plan["id"], version_no),
            "issue_status": issue_status,
            "issued_at": issued_at,
            "enabled": False,
            "town": town if town is not None else plan.get("town"),
            "enterprise_id": enterprise_id if enterprise_id is not None else plan.get("enterprise_id"),
            "accident_category": accident_category or plan.get("accident_category"),
            "document": document.model_dump_json(),
            "review": json.dumps(review, ensure_ascii=False),
            "created_at": self.clock(),
            "created_by": principal.user_id,
            **(extra or {}),
        }
        return {k: v for k, v in props.items() if v is not None}

    def _copy_version(
        self,
        principal: Principal,
        plan: dict[str, Any],
        old: dict[str, Any],
        number: NumberRule,
        issue_status: str,
        **meta: Any,
    ) -> str:
        extra = {k: old.get(k) for k in ("source_sha256", "source_filename", "blocks", "report")}
        return self._create_version(
            principal,
            plan,
            number,
            document=EmergencyPlan.model_validate_json(old["document"]),
            review=json.loads(old["review"] or "{}"),
            issue_status=issue_status,
            issued_at=meta.get("issued_at") or old.get("issued_at"),
            town=meta.get("town") or old.get("town"),
            enterprise_id=meta.get("enterprise_id") or old.get("enterprise_id"),
            accident_category=meta.get("accident_category") or old.get("accident_category"),
            extra={**{k: v for k, v in extra.items() if v is not None}, "copied_from": old["id"]},
        )

    def _enable_conflict(self, plan: dict[str, Any]) -> UniqueConflictError:
        """Another worker enabled a version of this plan since it was read: name that version."""
        now = self.repo.get_plan(plan["id"], None) or plan
        return UniqueConflictError(
            f"预案“{plan.get('title')}”刚刚已由他人启用了版本“{now.get('enabled_version_no')}”"
            f"（{now.get('enabled_version_id')}），本次操作未生效，请刷新后再试",
            code="plan_enable_conflict",
            details={
                "plan_id": plan["id"],
                "enabled_version_id": now.get("enabled_version_id"),
                "enabled_version_no": now.get("enabled_version_no"),
            },
        )


def explicit_number(number: str) -> NumberRule:
    def rule(taken: set[str]) -> str:
        cleaned = clean_name(number)  # as typed in the upload form: invisible characters dropped
        if not cleaned:
            raise ValidationError("版本号不能为空（只有空白或不可见字符）", code="invalid_version_no")
        refuse_taken_number(number, taken)
        return cleaned

    return rule


def rollback_rule(old: dict[str, Any]) -> NumberRule:
    return lambda taken: rollback_number(str(old["version_no"]), taken)


__all__ = ["WRITE_ATTEMPTS", "NumberRule", "VersionWrites", "explicit_number", "new_id", "rollback_rule"]
