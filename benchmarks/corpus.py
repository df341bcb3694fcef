"""Synthetic but valid articles for the build benchmark.

Every article looks like a real one (front matter with red-flag sets, sources,
keywords and review dates; about 600 words of plain-language body with
headings, lists, glossary words and links to other articles; the build adds
'When to get help') and passes the project's real content rules. The same
seed always gives the same corpus, so runs are comparable.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

WORDS_FILE = Path(__file__).with_name("corpus_words.yml")
TARGET_BODY_WORDS = 450
# Share of long sentences: brings the reading grade to about 6, like the real articles.
LONG_SENTENCE_SHARE = 0.5
REVIEWED = dt.date(2026, 1, 15)
NEXT_REVIEW = dt.date(2028, 1, 15)
REVIEWER = "Editorial team (synthetic benchmark content)"
_SLOT = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Plan:
    """What one article is about, decided before any text is written (links need every title)."""

    slug: str
    title: str
    topic: str  # "sciatica at work": used in summaries and link text
    region: str
    section: str
    order: int


def load_words(path: Path = WORDS_FILE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plan_articles(count: int, section_ids: list[str], words: dict, seed: int, help_page: str | None = None) -> list[Plan]:
    """`help_page`: the slug every article's generated "When to get help" links to
    (red_flags.yml help.page); the first article of a section of that name takes it."""
    rng = random.Random(seed)
    plans = []
    per_section: dict[str, int] = {}
    for index in range(count):
        condition = rng.choice(words["conditions"])
        aspect = rng.choice(words["aspects"])
        prefix = rng.choice(words["title_prefixes"])
        topic = f"{condition['name']} {aspect}"
        title = f"{prefix} {topic}"
        # Spread articles evenly over the real sections, as an editor would.
        section = section_ids[index % len(section_ids)]
        per_section[section] = per_section.get(section, 0) + 1
        slug = f"{_slugify(topic)}-{index:05d}"
        if help_page and section == help_page and per_section[section] == 1:
            slug = help_page
        plans.append(Plan(slug, title, topic, condition["region"], section, per_section[section]))
    return plans


class _Writer:
    def __init__(self, words: dict, rng: random.Random):
        self.words = words
        self.rng = rng

    def fill(self, template: str) -> str:
        return _SLOT.sub(lambda m: self.rng.choice(self.words["fill"][m.group(1)]), template)

    def sentence(self) -> str:
        bank = "long_sentences" if self.rng.random() < LONG_SENTENCE_SHARE else "sentences"
        return self.fill(self.rng.choice(self.words[bank]))

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def bullets(self, count: int) -> str:
        lines = []
        for _ in range(count):
            text = self.sentence()
            lines.append(f"- **{self.fill('{helps}').capitalize()}.** {text}")
        return "\n".join(lines)


def article_text(plan: Plan, plans: list[Plan], sources: list[str], words: dict, seed: int) -> str:
    rng = random.Random(f"{seed}-{plan.slug}")
    write = _Writer(words, rng)
    others = [p for p in rng.sample(plans, min(len(plans), 4)) if p.slug != plan.slug][:3]
    key_points = [write.fill(k) for k in rng.sample(words["key_points"], 4)]
    answer = " ".join(write.fill(a) for a in rng.sample(words["answers"], 2))
    front = {
        "title": plan.title,
        "summary": f"How {plan.topic} can affect you, what may help, and when to get help",
        "section": plan.section,
        "order": plan.order,
        "answer": answer,
        "key_points": key_points,
        "red_flags": list(words["red_flag_sets"][plan.region]),
        "sources": rng.sample(sources, rng.randint(2, 4)),
        "keywords": rng.sample(words["keywords"], 4),
        "reviewed": REVIEWED.isoformat(),
        "next_review": NEXT_REVIEW.isoformat(),
        "reviewer": REVIEWER,
    }
    parts: list[str] = []
    headings = rng.sample(words["headings"], len(words["headings"]))
    body_words = 0
    while body_words < TARGET_BODY_WORDS and headings:
        block = [f"## {write.fill(headings.pop())}", write.paragraph(rng.randint(3, 5))]
        if rng.random() < 0.5:
            block.append(write.bullets(rng.randint(3, 5)))
        block.append(write.paragraph(rng.randint(2, 4)))
        if others and rng.random() < 0.6:
            other = others.pop()
            block.append(rng.choice(words["link_sentences"]).format(title=other.topic, slug=other.slug))
        text = "\n\n".join(block)
        body_words += len(text.split())
        parts.append(text)
    questions = "\n".join(f"- {write.fill(q)}" for q in rng.sample(words["questions"], 3))
    parts.append(f"## Questions to ask your {write.fill('{helper}')}\n\n{questions}")
    dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{dumped}---\n\n" + "\n\n".join(parts) + "\n"


def write_articles(folder: Path, count: int, section_ids: list[str], sources: list[str], seed: int = 6,
                   help_page: str | None = None) -> list[Plan]:
    """Write `count` articles into folder/ (content_src/articles) and return their plans."""
    words = load_words()
    plans = plan_articles(count, section_ids, words, seed, help_page)
    folder.mkdir(parents=True, exist_ok=True)
    for plan in plans:
        (folder / f"{plan.slug}.md").write_text(article_text(plan, plans, sources, words, seed), encoding="utf-8")
    return plans


def home_page(plans: list[Plan]) -> str:
    """A hand-written-style home page linking to the first article of each section."""
    first: dict[str, Plan] = {}
    for plan in plans:
        first.setdefault(plan.section, plan)
    links = "\n".join(f"- [{p.title}]({p.section}/{p.slug}.md)" for p in first.values())
    return (
        "---\ntitle: Pinched nerves, sciatica and exercise\n"
        "description: Plain answers about pinched nerves, sciatica, exercise and when to get help.\n---\n\n"
        "# Pinched nerves, sciatica and exercise\n\n"
        "Most people with a pinched nerve get better over weeks to months. This guide explains what helps,\n"
        "and when you need help quickly.\n\n"
        f"## Start here\n\n{links}\n\nEvery page lists its [sources](sources.md).\n"
    )
