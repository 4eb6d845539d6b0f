"""core/kept.py: made once per key, at most ``limit`` kept."""

from core.kept import Kept


def test_a_value_is_made_once_per_key_and_the_memo_starts_again_when_full():
    made = []

    def make(key):
        return lambda: made.append(key) or f"value {key}"

    kept = Kept(limit=2)
    assert kept.get("a", make("a")) == "value a"
    assert kept.get("a", make("a")) == "value a" and made == ["a"]
    kept.get("b", make("b"))
    assert len(kept) == 2
    kept.get("c", make("c"))  # full: started again
    assert len(kept) == 1
    kept.get("a", make("a"))
    assert made == ["a", "b", "c", "a"]
    kept.clear()
    assert not kept
