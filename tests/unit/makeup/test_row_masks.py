"""The placer's row masks decide exactly as _clear whether two stacks' headline rows clash."""

from __future__ import annotations

import itertools

from layout.makeup.placer import _clear, _row_masks

TOP = 2
BLOCKS = [(a0, a1) for a0 in range(0, 7) for a1 in range(a0 + 1, 8)]  # every non-empty block in rows 0–7


def _masked_clear(left, right) -> bool:
    a, b = _row_masks(left, TOP), _row_masks(right, TOP)
    return not (a[0] & (b[0] | b[1]) or a[1] & b[0])


def test_masks_agree_with_clear_for_every_pair_of_one_or_two_blocks():
    stacks = [[z] for z in BLOCKS] + [[z, w] for z, w in itertools.combinations(BLOCKS[::3], 2)]
    checked = 0
    for left, right in itertools.product(stacks, repeat=2):
        assert _masked_clear(left, right) == _clear(left, right, TOP), (left, right)
        checked += 1
    assert checked > 5_000


def test_the_band_top_exemption_is_only_for_two_blocks_both_at_the_top():
    assert _masked_clear([(TOP, 5)], [(TOP, 4)])  # both open the band: a 栏线 parts them
    assert not _masked_clear([(TOP, 5)], [(3, 4)])
    assert not _masked_clear([(3, 5)], [(TOP, 4)])


def test_an_empty_or_negative_block_has_no_masks_so_clear_decides():
    assert _row_masks([(3, 3)], TOP) is None and _row_masks([(-1, 2)], TOP) is None
    assert not _clear([(3, 3)], [(2, 5)], TOP)  # the interval test counts an empty block inside another
