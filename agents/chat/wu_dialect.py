"""Jiangyin (Wu) colloquial words written as plain Mandarin before the rules read a question.

A duty officer talking as at home says "临港危化企业有几化" (how many), "华士跟周庄哪搭报警多"
(which of the two) or "都是啥报警": the routing rules know 多少, 哪个 and 什么 (跟 between two towns
is read by ``town_pair``), so the spoken
forms are written out here, in the same spirit as ``spoken_counts`` (俩, 仨).
"""

from __future__ import annotations

import re

# 几化 / 多少化 = how many; 化工 / 化学 / 化品 after 几 are the industry word (几化工企业), left alone.
_HOW_MANY = re.compile(r"(?:几|多少)化(?![工学品])")
# 在哪搭 / 哪搭 at the end asks where; elsewhere 哪搭 picks one of two (哪搭报警多).
_WHERE = re.compile(r"在哪搭|哪搭(?=[吗呢啊？?。]*$)")
_WHICH = re.compile(r"哪搭")
# 啥 = 什么; 咋回事 / 咋搞的 lead a question and add nothing once 什么 follows.
_WHAT = re.compile(r"啥")
_HOW_COME = re.compile(r"^(?:这是)?咋(?:回事|搞的|弄的)(?:啊|呀)?[，,、\s]*(?=\S)")


def plain_mandarin(text: str) -> str:
    """``"华士跟周庄哪搭报警多"`` → ``"华士跟周庄哪个报警多"``; ``"有几化"`` → ``"有多少"``."""
    text = _HOW_COME.sub("", text)
    text = _HOW_MANY.sub("多少", text)
    text = _WHICH.sub("哪个", _WHERE.sub("在哪里", text))
    return _WHAT.sub("什么", text)


__all__ = ["plain_mandarin"]
