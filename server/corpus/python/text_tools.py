"""Helpers for wrapping, counting and searching plain text."""

import re
from collections import Counter

WORD = re.compile(r"[A-Za-z']+")


def wrap(text, width=72):
    """Wrap text to lines of at most `width` characters, keeping paragraphs."""
    paragraphs = [paragraph.split() for paragraph in text.split("\n\n")]
    lines = []
    for words in paragraphs:
        line = ""
        for word in words:
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def word_counts(text):
    return Counter(word.lower() for word in WORD.findall(text))


def top_words(text, count=10, stop_words=frozenset()):
    counts = word_counts(text)
    for word in stop_words:
        counts.pop(word, None)
    return counts.most_common(count)


def sentences(text):
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    return [part for part in parts if part]


def reading_time(text, words_per_minute=200):
    words = len(WORD.findall(text))
    minutes = max(1, round(words / words_per_minute))
    return f"{minutes} min read"


def slugify(title):
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug or "untitled"


def highlight(text, term, before="**", after="**"):
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return pattern.sub(lambda match: f"{before}{match.group(0)}{after}", text)


def find_lines(lines, pattern, context=0):
    """Yield (line_number, line) for matching lines and `context` lines around them."""
    regex = re.compile(pattern)
    wanted = set()
    for number, line in enumerate(lines):
        if regex.search(line):
            for nearby in range(number - context, number + context + 1):
                if 0 <= nearby < len(lines):
                    wanted.add(nearby)
    for number in sorted(wanted):
        yield number + 1, lines[number]


def similarity(a, b):
    """Jaccard similarity of the word sets of two texts."""
    words_a = set(word_counts(a))
    words_b = set(word_counts(b))
    if not words_a and not words_b:
        return 1.0
    return len(words_a & words_b) / len(words_a | words_b)


if __name__ == "__main__":
    sample = (
        "The quick brown fox jumps over the lazy dog. The dog sleeps. "
        "A fox is quick, and a dog is lazy!"
    )
    print(wrap(sample, 30))
    print(top_words(sample, 3, stop_words={"the", "a", "is", "and"}))
    print(sentences(sample))
    print(reading_time(sample))
    print(slugify("Hello, World: a First Post"))
