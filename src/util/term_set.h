// A set of term ids (Token::term, 64-bit hashes) for the per-token lookups of the facts
// stage: open addressing with linear probing in one flat array, no node per element.
// A lookup costs a mask and usually one or two probes; std::unordered_set costs a division, a
// pointer chase and a node per element, and it was a visible share of the facts stage's
// instructions (bench/facts.sh --instructions). Terms are XXH3 hashes, so their low bits are
// already uniform: they index the table as they are (no multiply on a path every token takes).
#ifndef CHORUS_UTIL_TERM_SET_H_
#define CHORUS_UTIL_TERM_SET_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace chorus {

class TermSet {
 public:
  TermSet() : cells_(16, 0), mask_(15) {}
  TermSet(std::initializer_list<uint64_t> terms) : TermSet() {
    for (uint64_t t : terms) insert(t);
  }

  // Adds `term`; amortised O(1). The table doubles when it is half full.
  void insert(uint64_t term) {
    term = stored(term);
    size_t i = slot(term);
    while (cells_[i] != 0) {
      if (cells_[i] == term) return;
      i = (i + 1) & mask_;
    }
    cells_[i] = term;
    if (++size_ * 2 > cells_.size()) grow();
  }

  bool contains(uint64_t term) const {
    term = stored(term);
    const uint64_t* cells = cells_.data();
    for (size_t i = slot(term);; i = (i + 1) & mask_) {
      if (cells[i] == term) return true;
      if (cells[i] == 0) return false;
    }
  }

  size_t size() const { return size_; }

  // Sizes the table for `n` terms at one eighth full at most, for the small sets asked of
  // every token, where most lookups miss: a miss then mostly stops at its first cell, where in
  // a half-full table it ran on over a few, a loop the branch predictor often got wrong (the
  // date words: 4.6 -> 2.9 ms over ECB+'s 982 articles). Large sets are better dense (cache).
  void reserve_sparse(size_t n) {
    while (cells_.size() < 8 * n) grow();
  }

  // Calls f(term) for each term of the set, in no particular order (a term 0 is given as 1,
  // which the set takes for it). Cost: the table's size.
  template <typename F>
  void for_each(F f) const {
    for (uint64_t t : cells_) {
      if (t != 0) f(t);
    }
  }

 private:
  // 0 marks a free cell: the one term that hashes to 0 is stored as 1 (and so shares a
  // cell with term 1; both are hashes, so the collision is as likely as any other).
  static uint64_t stored(uint64_t term) { return term == 0 ? 1 : term; }
  size_t slot(uint64_t term) const { return term & mask_; }

  void grow() {
    std::vector<uint64_t> old(cells_.size() * 2, 0);
    old.swap(cells_);
    mask_ = cells_.size() - 1;
    for (uint64_t t : old) {
      if (t == 0) continue;
      size_t i = slot(t);
      while (cells_[i] != 0) i = (i + 1) & mask_;
      cells_[i] = t;
    }
  }

  std::vector<uint64_t> cells_;  // size a power of two
  size_t mask_;                  // cells_.size() - 1
  size_t size_ = 0;
};

// Term ids (or other keys with uniform low bits) to small numbers (say, indexes into a vector
// of what is known of each term), in the same kind of flat table: the facts stage's word cache
// looks up every capitalised token.
class TermIndex {
 public:
  TermIndex() : cells_(16) {}

  // The number stored for `term`, or nullptr. The pointer is valid until the next insert.
  const uint32_t* find(uint64_t term) const {
    term = stored(term);
    for (size_t i = slot(term);; i = (i + 1) & (cells_.size() - 1)) {
      if (cells_[i].term == term) return &cells_[i].value;
      if (cells_[i].term == 0) return nullptr;
    }
  }

  // Stores `value` for `term` (replacing any); amortised O(1).
  void insert(uint64_t term, uint32_t value) {
    term = stored(term);
    size_t i = slot(term);
    while (cells_[i].term != 0 && cells_[i].term != term) i = (i + 1) & (cells_.size() - 1);
    if (cells_[i].term == 0 && ++size_ * 2 > cells_.size()) {
      grow();
      insert(term, value);
      return;
    }
    cells_[i] = {term, value};
  }

 private:
  struct Cell {
    uint64_t term = 0;  // 0: free
    uint32_t value = 0;
  };
  static uint64_t stored(uint64_t term) { return term == 0 ? 1 : term; }
  size_t slot(uint64_t term) const { return term & (cells_.size() - 1); }

  void grow() {
    std::vector<Cell> old(cells_.size() * 2);
    old.swap(cells_);
    size_ = 0;
    for (const Cell& c : old) {
      if (c.term == 0) continue;
      size_t i = slot(c.term);
      while (cells_[i].term != 0) i = (i + 1) & (cells_.size() - 1);
      cells_[i] = c;
      ++size_;
    }
  }

  std::vector<Cell> cells_;  // size a power of two
  size_t size_ = 0;
};

}  // namespace chorus

#endif  // CHORUS_UTIL_TERM_SET_H_
