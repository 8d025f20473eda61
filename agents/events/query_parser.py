"""One sentence → ``EventFilter``: deterministic first, the LLM only for words the rules left over.

1. The time expression (``agents.nlp.timeexpr``) is cut out of the sentence; a factory's gate (我们厂东门)
   is blanked and vocabulary words typed with one wrong character (安全冒) are mended where they stand.
2. jieba, with a private dictionary holding every town/village/enterprise/camera name and every
   vocabulary word (``agents.events.vocab``), splits the rest; each token is looked up.
3. Unplaced runs are scanned once more for dictionary words jieba split apart (typos around them).
4. "附近/周边 [N米/公里]" after a village/enterprise/camera puts a radius on it (default 1000 m).
5. Leftovers (not filler) go to a configured LLM; its answer is mapped onto the vocabularies and gazetteer.

The parse never needs the LLM: without one (or when it fails) the rules' filter is returned with a
note, and unknown words stay in ``leftovers``.
"""

from __future__ import annotations

import logging
import re
import tempfile
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from agents.events.asides import aside_spans
from agents.events.corrections import corrected
from agents.events.detector_tags import bare_detector_tags
from agents.events.device_faults import device_fault_spans
from agents.events.findings import (
    CJK_OR_WORD,
    GAS_KINDS,
    Found,
    event_types,
    kindless_gas_phrases,
    meaningful,
    statuses,
    take_back_town,
    unique,
    unique_places,
)
from agents.events.former_names import blank_former_names
from agents.events.gazetteer import Gazetteer, Place, narrow_to_towns
from agents.events.leftover_places import LeftoverPlaces
from agents.events.llm_fallback import fill_from_model
from agents.events.modifiers import colour_run, level_range, level_spans, radius_m
from agents.events.narratives import request_clause, stands_alone
from agents.events.negated_phrases import place_phrases
from agents.events.other_times import other_time_spans
from agents.events.phrases import (
    EITHER_WAY_NEGATIONS,
    NEGATION_JOINERS,
    NEGATIONS,
    POST_NEGATIONS,
    RUN_PARTICLES,
    event_phrases,
    filter_sizes,
    negated_place_carries,
    negates_backwards,
    negation_carries,
    take_back,
    vocab_hit,
    without,
)
from agents.events.radius_words import radius_apart, with_radius
from agents.events.refinements import narrowed, split_narrowing, verdict_verbs
from agents.events.report_verbs import follows_a_source
from agents.events.site_parts import gate_spans
from agents.events.sound_alikes import SoundAlikes
from agents.events.vocab import (
    EVENT_TYPE_WORDS,
    FILLER_WORDS,
    LEVEL_WORDS,
    SOURCE_WORDS,
    SPOT_WORDS,
    STATUS_WORDS,
    canonical_spelling,
)
from agents.events.vocab_slips import VocabSlips
from agents.nlp.timeexpr import CST, lunar_span, parse_time_range
from agents.nlp.traditional import simplified
from core.event_search import EventFilter, PlaceFilter
from core.ports import ChatModel

MAX_SENTENCE_CHARS = 500
_WORD_FREQ = 200_000  # high enough that a dictionary word beats any split of it
_NEGATION_FREQ = 2_000  # enough to keep 别看 whole, too little to split 看不看 as 看 + 不看
_CAMERA_ID = re.compile(r"CAM-[0-9A-Z]+-[0-9]+", re.IGNORECASE)
_DICTS: tuple[dict[str, Any], ...] = (EVENT_TYPE_WORDS, LEVEL_WORDS, STATUS_WORDS, SOURCE_WORDS)


@dataclass
class ParseOutcome:
    filter: EventFilter
    used_llm: bool = False
    warnings: list[str] = field(default_factory=list)


class EventQueryParser:
    """Thread-safe after construction; the segmenter loads on the first parse (~1 s)."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        chat_model: ChatModel | None = None,
        prompts: Any = None,
        cache_dir: Path | None = None,
        enterprise_search: Callable[[str], list[str] | None] | None = None,
    ) -> None:
        """``enterprise_search``: ranked credit codes for a fuzzy name (the search index), or None."""
        self.gazetteer = gazetteer
        self.enterprise_search = enterprise_search
        self.chat_model = chat_model
        self.prompts = prompts
        self.cache_dir = cache_dir or Path(tempfile.gettempdir()) / "safecloud-jieba"
        self._seg: Any = None
        self._lock = threading.Lock()
        self.leftover_places = LeftoverPlaces(gazetteer, enterprise_search)
        vocabulary = (w for table in _DICTS for w in table)
        self.sound_alikes = SoundAlikes(gazetteer.towns, gazetteer.places, vocabulary, self._ordinary_word)
        self._longest = max((len(w) for w in self._all_words()), default=1)
        known = frozenset(self._all_words()) | frozenset(gazetteer.towns)
        self.vocab_slips = VocabSlips((w for t in _DICTS for w in t), known.__contains__, self._frequency)

    # ---- dictionary ------------------------------------------------------------------------
    def _all_words(self) -> Iterable[str]:
        yield from self.gazetteer.words()
        for table in _DICTS:
            yield from table
        yield from SPOT_WORDS

    def _segmenter(self) -> Any:
        if self._seg is None:
            with self._lock:
                if self._seg is None:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")  # jieba 0.42 imports pkg_resources
                        import jieba

                        logging.getLogger("jieba").setLevel(logging.WARNING)
                        self.cache_dir.mkdir(parents=True, exist_ok=True)
                        seg = jieba.Tokenizer()
                        seg.tmp_dir = str(self.cache_dir)
                        seg.cache_file = "jieba.cache"
                        seg.initialize()
                    for word in self._all_words():
                        if len(word) > 1:
                            seg.add_word(word, freq=_WORD_FREQ)
                    for word in EITHER_WAY_NEGATIONS | NEGATIONS:  # 别算, 不包括: one token, not 不 + 包括
                        if len(word) > 1 and not seg.FREQ.get(word):
                            seg.add_word(word, freq=_NEGATION_FREQ)
                    self._seg = seg
        return self._seg

    def _ordinary_word(self, word: str) -> bool:
        """In jieba's general dictionary (its zero-frequency entries are only prefixes)."""
        return self._frequency(word) > 0

    def _is_place(self, word: str) -> bool:
        return word in self.gazetteer.towns or word in self.gazetteer.places

    def _enterprise_name(self, word: str) -> bool:
        return any(p.kind == "enterprise" for p in self.gazetteer.places.get(word, ()))

    def _frequency(self, word: str) -> int:
        return int(self._segmenter().FREQ.get(word, 0) or 0)

    # ---- parse -----------------------------------------------------------------------------
    def parse(self, sentence: str, now: datetime) -> ParseOutcome:
        notes: list[str] = []
        # Full-width digits/letters (３级, ＣＡＭ) read as ASCII, traditional characters (紅色) as simplified.
        text = simplified(unicodedata.normalize("NFKC", sentence or "")).strip()
        if not text:
            return ParseOutcome(EventFilter(), warnings=["请输入要搜索的事件，例如“昨天下午城东的烟雾告警”"])
        if len(text) > MAX_SENTENCE_CHARS:
            notes.append(f"输入过长，只解析了前 {MAX_SENTENCE_CHARS} 个字")
            text = text[:MAX_SENTENCE_CHARS]
        request = request_clause(text)  # 领导说…，让我把本周华士的火焰拉出来: the request is the search
        if request is not None:
            alone = self.parse(text[request:], now)
            if stands_alone(alone.filter):
                return alone
        parts = split_narrowing(text)  # 今天澄江和城东的冒烟，只看城东的: the second clause narrows the first
        if parts is not None:
            head, tail = (self.parse(part, now) for part in parts)
            flt = narrowed(head.filter, tail.filter)
            notes += [w for w in (*head.warnings, *tail.warnings) if not w.startswith("没有识别出")]
            used = head.used_llm or tail.used_llm
            return ParseOutcome(flt, used_llm=used, warnings=list(dict.fromkeys(notes)))
        found = Found()
        text, radius_said_apart = radius_apart(corrected(text, self._is_place))  # 方圆两公里 X; X 不对 是Y
        for start, end, camera in self.gazetteer.camera_mentions(text):  # before 4号 reads as a date
            self._add_place(found, camera, text[end:])
            text = text[:start] + " " * (end - start) + text[end:]
        for s, e in other_time_spans(text, now):  # 报过的…又…, 报上来的、前天发生的, 事发后一小时内
            text = text[:s] + " " * (e - s) + text[e:]
        time_range = parse_time_range(text, now)
        lunar = lunar_span(text) if time_range is None else None
        if lunar is not None:  # 去年腊八: said, but not resolved (no lunar calendar beyond the holidays)
            notes.append(f"暂不支持农历日期“{text[lunar[0] : lunar[1]].strip()}”，未按时间筛选")
        blank = time_range.span if time_range is not None else lunar
        if blank is not None:
            s, e = blank
            text = text[:s] + " " * (e - s) + text[e:]
        text = bare_detector_tags(blank_former_names(text, notes))  # 豪佳化学（原…）: no former names
        for m in _CAMERA_ID.finditer(text):
            place = self.gazetteer.lookup("camera", m.group().upper())
            if place is not None:
                self._add_place(found, place, text[m.end() :])
                text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
        for s, e in gate_spans(text, self._enterprise_name):  # 我们厂东门: a gate, not 东门社区
            text = text[:s] + " " * (e - s) + text[e:]
        asides = [*device_fault_spans(text), *aside_spans(text)]  # 烟感坏了, 蓝色彩钢棚, 处置了没有
        for s, e, levels in [*((a, b, []) for a, b in asides), *level_spans(text)]:
            found.levels.extend(levels)  # 烟感坏了: a repair, no alarm (blanked); 一到三级: a span of levels
            text = text[:s] + " " * (e - s) + text[e:]
        # 安全冒, 误抱的除外: slipped vocabulary words mended where they stand, before anything reads them
        text = self.vocab_slips.mend(text, self._segmenter().tokenize(text))
        phrases = list(event_phrases(text))
        text = place_phrases(text, phrases, found.types, found.excluded)  # 堵通道, 没戴帽子; 不是冒烟的
        found.gas_either += kindless_gas_phrases(phrases)  # 硫化氢 气体报警: the named gas decides the kind
        for start, end in verdict_verbs(text):  # 已核实为误报: the verdict, not also 核实 (正报)
            text = text[:start] + " " * (end - start) + text[end:]
        unplaced = self._read_tokens(found, text, notes)
        self._rescan(found, text, unplaced)
        used_llm = False
        if found.leftovers and self.chat_model is not None:
            used_llm = fill_from_model(
                self.chat_model,
                self.prompts,
                self.gazetteer,
                found,
                sentence[:MAX_SENTENCE_CHARS],
                notes,
                self._add_place,
            )
        flt = EventFilter(
            time_from=time_range.start if time_range and not time_range.open_start else None,
            time_to=time_range.end if time_range else None,
            time_text=time_range.text if time_range else None,
            towns=unique(found.towns),
            places=narrow_to_towns(unique_places(with_radius(found.places, radius_said_apart)), found.towns),
            event_types=without(found.excluded, "types", event_types(found)),
            levels=without(found.excluded, "levels", found.levels),
            statuses=without(found.excluded, "statuses", statuses(found)),
            sources=without(found.excluded, "sources", found.sources),
            keywords=unique(found.keywords)[:5],
            leftovers=unique(found.leftovers)[:50],
        )
        if flt.is_empty():
            notes.append("没有识别出时间、地点、类型、级别或状态等条件，将按时间倒序列出事件")
        return ParseOutcome(flt, used_llm=used_llm, warnings=notes)

    def _read_tokens(self, found: Found, text: str, notes: list[str]) -> list[tuple[int, int]]:
        """Place every token of ``text``; the spans nothing understood are returned. A negation
        before words of one field (除了误报和已处置的) or 除外/以外 after them (误报的除外) turns them
        into "every other value"; a negated place is dropped with a note (no "not in" filter)."""
        unplaced: list[tuple[int, int]] = []
        negated, negated_field = False, ""
        # Words placed since the last other word, with the list sizes before each: what a 除外 may take back.
        run: list[tuple[str, dict[str, int]]] = []
        tokens = list(self._segmenter().tokenize(text))
        words = [t[0] for t in tokens]
        for i, (word, start, end) in enumerate(tokens):
            if not word.strip():
                continue
            backwards = word in EITHER_WAY_NEGATIONS and negates_backwards(words, i, self._is_place)
            if (word in POST_NEGATIONS or backwards) and run:
                take_back(found, run, notes)
                run = []
                continue
            if word in NEGATIONS:
                negated, negated_field, run = True, "", []
                continue
            if negated:  # 除了误报和已处置的: words of one field, up to the first other word
                hit = vocab_hit(word)
                if hit is not None and negated_field in ("", hit[0]):
                    found.excluded.append(hit)
                    negated, negated_field = negation_carries(words, i, hit[0]), hit[0]
                    continue
                if hit is None and negation_carries(words, i, negated_field, between=True):
                    continue  # 除了误报和已处置的; 除了已处置 的 跟误报的 (的 split off)
                negated = False
                if not negated_field and (word in self.gazetteer.towns or word in self.gazetteer.places):
                    take_back_town(found, self.gazetteer.towns.get(word), word, notes)  # 除了城东
                    negated = negated_place_carries(words, i, self._is_place)  # 不包括城东和澄江
                    continue
            if run and follows_a_source(words, i):  # 仪表报的不要: 报 keeps the run
                continue
            sizes = filter_sizes(found)
            if not self._place_word(found, word, text[end:]):
                unplaced.append((start, end))
                run = []
            elif word not in FILLER_WORDS and CJK_OR_WORD.search(word):
                run.append((word, sizes))
            elif word not in RUN_PARTICLES and word not in NEGATION_JOINERS:
                run = []
        return unplaced

    def _place_word(self, found: Found, word: str, after: str) -> bool:
        """Put ``word`` into the filter; False when it means nothing known."""
        word = canonical_spelling(word)  # iot, Ai: Latin abbreviations in any case
        if word in self.gazetteer.towns:
            found.towns.append(self.gazetteer.towns[word])
            return True
        places = self.gazetteer.places.get(word)
        if places:
            for place in places[:5]:  # same name in several towns: all of them
                self._add_place(found, place, after)
            return True
        statuses = STATUS_WORDS.get(word)
        if statuses:
            if len(statuses) > 1:
                found.status_groups.append([v.value for v in statuses])
            else:
                found.statuses.append(statuses[0].value)
            return True
        levels = LEVEL_WORDS.get(word)
        if levels:
            found.levels.extend(level_range(levels, after))
            return True
        for table, bucket in ((EVENT_TYPE_WORDS, found.types), (SOURCE_WORDS, found.sources)):
            values = table.get(word)
            if values:
                bucket.extend(v.value for v in values)
                found.gas_either += table is EVENT_TYPE_WORDS and {v.value for v in values} == set(GAS_KINDS)
                return True
        if word in SPOT_WORDS:
            found.keywords.append(word)
            return True
        return word in FILLER_WORDS or not CJK_OR_WORD.search(word)

    def _add_place(self, found: Found, place: Place, after: str) -> None:
        if place.kind == "town":  # pragma: no cover - towns are looked up separately
            return
        radius = None if place.kind == "road" else radius_m(after)  # a road has no single point
        found.places.append(
            PlaceFilter(kind=place.kind, id=place.id, name=place.name, town=place.town, radius_m=radius)
        )

    def _rescan(self, found: Found, text: str, unplaced: list[tuple[int, int]]) -> None:
        """Longest dictionary words inside runs of unplaced tokens; the rest become leftovers."""
        runs: list[tuple[int, int]] = []
        for start, end in unplaced:
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        for start, end in runs:
            i, rest = start, ""
            while i < end:
                colours = colour_run(text, i, end)  # 红橙两级: one-character words jieba left unsplit
                if colours is not None:
                    if rest:
                        self._leftovers(found, rest, text[i:])
                    rest, i = "", colours[0]
                    found.levels.extend(colours[1])
                    continue
                for size in range(min(self._longest, end - i), 1, -1):
                    word = text[i : i + size]
                    if word not in FILLER_WORDS and self._place_word(found, word, text[i + size :]):
                        if rest:
                            self._leftovers(found, rest, text[i:])
                        rest = ""
                        i += size
                        break
                else:
                    rest += text[i]
                    i += 1
            if rest:
                self._leftovers(found, rest, text[end:])

    def _leftovers(self, found: Found, chunk: str, after_chunk: str = "") -> None:
        """Unplaced words; a town name typed with the wrong characters of the same sound
        (城冬 for 城东, a pinyin input-method slip) is still recognised."""
        for word in meaningful(chunk):
            town = self.leftover_places.town(word)
            if town:
                found.towns.append(town)
                continue
            after = chunk[chunk.find(word) + len(word) :] + after_chunk
            villages = self.leftover_places.villages(word)
            place = self.leftover_places.enterprise(word)
            if villages:
                for village in villages[:5]:
                    self._add_place(found, village, after)
            elif place is not None:
                self._add_place(found, place, after)
            else:  # voice input: 就是花市 (华士), 眼雾 (烟雾), 风力毛纺 (丰利毛纺)
                for piece, name in self.sound_alikes.split(word):
                    if name is None or not self._place_word(found, name, after):
                        found.leftovers.extend(meaningful(piece))


def now_in_shanghai() -> datetime:
    return datetime.now(CST)
