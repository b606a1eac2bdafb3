"""The stages of screening, in the order a name goes through them.

- ``inputs``: the name and country a caller gives, checked (one contract for
  ``screen``, ``Screener.screen`` and ``compare``);
- ``build``: loaded lists turned into numbered listed names, their words, the word
  weights, the candidate index and the score-bound table;
- ``search``: the candidates of a name, bounded, scored and judged by the precision
  rules; the best listed name of each entity kept, as numbers;
- ``decide``: the country rule, the weak-alias cap and the thresholds;
- ``hits``: the kept names explained in full and made into a ``ScreeningResult``;
- ``batch``: many names, in one process or several, and the collector's tuning.

``sanctionscreen.screener.Screener`` is the short facade over them.
"""
