// Online event clustering in small batches (docs/events.md).
//
// Articles are vectorised as TF-IDF over their strongest terms, with document frequencies
// learned from the stream. Every batch of arrivals is clustered together with the open events
// the index finds for them, by average linkage (UPGMA) with one threshold: an arrival joins an
// event, starts one with other arrivals, or brings two events together. Events idle longer
// than the window close and leave memory.
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "chorus/events.h"
#include "events/signals.h"

namespace chorus {
namespace {

// IDF smoothing: the stream counts as if it had started with this many documents, none holding
// any term. Without it, the first articles of a stream (or a small input, all on one event)
// weigh exactly the words they share lowest and look unrelated.
constexpr float kPriorDocuments = 100.0f;
constexpr size_t kArticleTerms = 64;    // terms kept per article vector
constexpr size_t kCentroidTerms = 256;  // terms kept per event sum
constexpr size_t kQueryTerms = 12;      // article terms used to find candidate events
constexpr size_t kCandidates = 16;      // candidate events an arrival brings into its batch
constexpr size_t kBatchEvents = 512;    // candidate events a batch clusters with, at most
constexpr size_t kPostingCap = 512;     // events kept per term in the index (the most recent)
constexpr int kNearDuplicateBits = 3;   // SimHash distance of near-duplicates
constexpr double kWireShare = 0.4;      // share of sentences a wire copy takes from the original
constexpr size_t kRecentMembers = 512;  // members an event keeps for finding copies (copies come soon)
// Nearest neighbours (docs/events.md): two clusters whose linkage is below kSure times the
// threshold join only when a member of one is among the kNeighbours most similar articles of a
// member of the other. An event keeps the vectors of its kNeighbourMembers latest members for it.
constexpr size_t kNeighbours = 2;
constexpr float kSure = 1.5f;
constexpr size_t kNeighbourMembers = 64;
// Holding back (process): an arrival with an article this many times the threshold similar in
// the cluster it joins has a mate there already, and need not wait for one.
constexpr float kClose = 2.0f;

using Vec = std::vector<std::pair<uint32_t, float>>;  // sorted by term id

// The `keep` heaviest entries of `v` (distinct terms), sorted by term.
void keep_top(Vec& v, size_t keep) {
  if (v.size() > keep) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(keep), v.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    v.resize(keep);
  }
  std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
}

// keep_top for a `v` already sorted by term (distinct terms): the same entries, without
// sorting again. nth_element runs on a copy that holds each entry's position in place of its
// term; it compares weights only, so it picks the same positions as it would in `v`, which
// are then kept in their (term) order.
void keep_top_sorted(Vec& v, size_t keep) {
  if (v.size() <= keep) return;
  thread_local Vec pick;
  thread_local std::vector<char> kept;
  pick.resize(v.size());
  for (size_t i = 0; i < v.size(); ++i) pick[i] = {static_cast<uint32_t>(i), v[i].second};
  std::nth_element(pick.begin(), pick.begin() + static_cast<long>(keep), pick.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  kept.assign(v.size(), 0);
  for (size_t k = 0; k < keep; ++k) kept[pick[k].first] = 1;
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (kept[i]) v[out++] = v[i];
  }
  v.resize(keep);
}

// sum += b (both sorted), pruned to `keep` terms. Merged in reused memory, then copied
// into `sum`'s own (no allocation once it has grown).
void add_into(Vec& sum, const Vec& b, size_t keep) {
  thread_local Vec merged;
  merged.resize(sum.size() + b.size());
  const Vec& a = sum;
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      merged[n++] = a[i++];
    } else if (b[j].first < a[i].first) {
      merged[n++] = b[j++];
    } else {
      merged[n++] = {a[i].first, a[i].second + b[j].second};
      ++i;
      ++j;
    }
  }
  while (i < a.size()) merged[n++] = a[i++];
  while (j < b.size()) merged[n++] = b[j++];
  merged.resize(n);
  keep_top_sorted(merged, keep);
  sum.assign(merged.begin(), merged.end());
}

// Sentence fingerprint -> the first member holding it: open addressing, for an event's
// members (millions of inserts over a stream; a node-based map spends most of it in malloc).
class SentenceMap {
 public:
  // The member holding `h`, or UINT32_MAX.
  uint32_t find(uint64_t h) const {
    if (cells_.empty()) return UINT32_MAX;
    for (size_t i = slot(h);; i = (i + 1) & (cells_.size() - 1)) {
      if (cells_[i].second == UINT32_MAX) return UINT32_MAX;
      if (cells_[i].first == h) return cells_[i].second;
    }
  }
  // Keeps the first member given for `h`.
  void insert(uint64_t h, uint32_t member) {
    if (2 * (size_ + 1) > cells_.size()) grow();
    for (size_t i = slot(h);; i = (i + 1) & (cells_.size() - 1)) {
      if (cells_[i].second == UINT32_MAX) {
        cells_[i] = {h, member};
        ++size_;
        return;
      }
      if (cells_[i].first == h) return;
    }
  }
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& c : cells_) {
      if (c.second != UINT32_MAX) f(c.first, c.second);
    }
  }

 private:
  size_t slot(uint64_t h) const { return (h * 0x9E3779B97F4A7C15ULL >> 20) & (cells_.size() - 1); }
  void grow() {
    std::vector<std::pair<uint64_t, uint32_t>> old;
    old.swap(cells_);
    cells_.assign(old.empty() ? 64 : 2 * old.size(), {0, UINT32_MAX});
    size_ = 0;
    for (const auto& c : old) {
      if (c.second != UINT32_MAX) insert(c.first, c.second);
    }
  }
  std::vector<std::pair<uint64_t, uint32_t>> cells_;
  size_t size_ = 0;
};

struct Member {
  std::string id;
  uint64_t simhash;
  uint32_t words;
  std::vector<uint64_t> sentences;  // its sentence fingerprints
};

using Nearest = std::array<float, kNeighbours>;  // highest similarities seen, descending

// Puts `s` among the highest similarities `t` holds.
inline void note_neighbour(Nearest& t, float s) {
  if (!(s > t[kNeighbours - 1])) return;
  size_t k = kNeighbours - 1;
  while (k > 0 && t[k - 1] < s) {
    t[k] = t[k - 1];
    --k;
  }
  t[k] = s;
}

// Dot product of two vectors sorted by term.
inline float sorted_dot(const Vec& a, const Vec& b) {
  float dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      dot += a[i++].second * b[j++].second;
    }
  }
  return dot;
}

// A member's vector and the similarities of its nearest articles so far.
struct Neighbourly {
  Vec vec;
  Nearest nearest{};
};

struct Event {
  uint32_t number = 0;      // public number: "e<number+1>"
  uint32_t generation = 0;  // bumped when the slot is reused, to spot stale index entries
  Vec sum;                  // sum of the members' unit vectors, pruned
  int32_t last_day = INT32_MIN;
  uint64_t last_seq = 0;
  bool open = false;
  uint64_t count = 0;            // members ever (the weight of the event in averages)
  std::vector<Member> recent;    // the latest members, where duplicates and wire copies are sought
  std::vector<Neighbourly> near;  // the latest members' vectors, for the nearest-neighbour test
  SentenceMap sentences;         // sentence hash -> index in `recent` of the first holding it
  std::unordered_set<uint32_t> indexed;              // terms under which the index lists it
};

// An index entry: an event's slot and the slot's generation when the entry was made.
struct Ref {
  uint32_t slot, generation;
};

// Lazily deleted heap entry: an event's last activity when the entry was pushed.
struct Activity {
  int64_t key;  // day (for the window) or sequence number (for the open cap)
  uint32_t slot, generation;
  bool operator>(const Activity& o) const { return key > o.key; }
};
using ActivityHeap = std::priority_queue<Activity, std::vector<Activity>, std::greater<>>;

struct Pending {
  std::string id;
  ArticleSignals signals;
  bool held = false;  // held back from a batch once (counted in the document frequencies then)
};

// UPGMA by nearest-neighbour chain on `c` nodes: `sim` (c x c, symmetric) holds average
// linkages, `weight` the nodes' sizes, `conn` (c x c, symmetric) which nodes may join: two
// clusters may join when any of their nodes may (a connectivity constraint). Reciprocal nearest
// neighbours among the clusters that may join merge while their linkage reaches `threshold`.
// Chains start only from nodes where `starts` holds (arrivals): clusters grow from arrivals.
// A node with no neighbour at the threshold stops starting chains until a merge widens what it
// may join (with the constraint, a merge can bring a node a nearer neighbour). `merged(keep,
// gone, linkage)` reports each merge. Cost: O(c^2) a merge or settled node.
template <typename Merged, typename Starts>
void upgma(std::vector<float>& sim, std::vector<char>& conn, std::vector<float>& weight, size_t c,
           float threshold, float sure, Merged&& merged, Starts&& starts) {
  std::vector<char> active(c, 1), settled(c, 0);
  std::vector<uint32_t> chain;
  size_t next_start = 0;
  auto nearest = [&](uint32_t a) {
    uint32_t best = UINT32_MAX;
    float best_sim = -1;
    const float* row = &sim[a * c];
    const char* may = &conn[a * c];
    for (uint32_t b = 0; b < c; ++b) {
      if (b != a && active[b] && (may[b] || row[b] >= sure) && row[b] > best_sim) {
        best_sim = row[b];
        best = b;
      }
    }
    return std::make_pair(best, best_sim);
  };
  while (true) {
    if (chain.empty()) {
      while (next_start < c && (!active[next_start] || settled[next_start] ||
                                 !starts(static_cast<uint32_t>(next_start)))) {
        ++next_start;
      }
      if (next_start >= c) return;  // every chain start is settled
      chain.push_back(static_cast<uint32_t>(next_start));
    }
    uint32_t a = chain.back();
    auto [b, s] = nearest(a);
    if (b == UINT32_MAX || s < threshold) {
      settled[a] = 1;  // nothing it may join reaches the threshold
      chain.pop_back();
      continue;
    }
    if (chain.size() >= 2 && (b == chain[chain.size() - 2] ||
                              ((conn[a * c + chain[chain.size() - 2]] || sim[a * c + chain[chain.size() - 2]] >= sure) &&
                               sim[a * c + chain[chain.size() - 2]] >= s))) {
      uint32_t other = chain[chain.size() - 2];
      const float linkage = sim[a * c + other];
      chain.pop_back();
      chain.pop_back();
      uint32_t keep = std::min(a, other), gone = std::max(a, other);
      for (uint32_t k = 0; k < c; ++k) {
        if (!active[k] || k == keep || k == gone) continue;
        float v = (weight[keep] * sim[keep * c + k] + weight[gone] * sim[gone * c + k]) / (weight[keep] + weight[gone]);
        sim[keep * c + k] = sim[k * c + keep] = v;
        char may = conn[keep * c + k] | conn[gone * c + k];
        if (may && !conn[keep * c + k]) {  // it may join more now
          settled[k] = 0;
          next_start = std::min(next_start, static_cast<size_t>(k));
        }
        conn[keep * c + k] = conn[k * c + keep] = may;
      }
      weight[keep] += weight[gone];
      active[gone] = 0;
      settled[keep] = 0;
      next_start = std::min(next_start, static_cast<size_t>(keep));
      merged(keep, gone, linkage);
      continue;
    }
    chain.push_back(b);
  }
}

}  // namespace

struct EventStream::Impl {
  EventOptions options;
  std::unordered_map<uint64_t, uint32_t> term_ids;
  std::vector<uint32_t> df;
  uint64_t articles = 0;
  uint32_t created = 0;
  uint64_t batches = 0;
  int32_t now = INT32_MIN;  // the latest publication day seen
  std::vector<Event> slots;  // open events, and closed slots to reuse
  std::vector<uint32_t> free_slots;
  size_t open = 0;
  // Per term id, the events listed under it (empty: none). A flat array, not a hash map:
  // term ids are dense, and finding candidates looks up every query term.
  std::vector<std::vector<Ref>> postings;
  // Per slot, whether it holds an open event and its generation: what live() reads, kept apart
  // from the large Event records so that walking an index list touches few cache lines.
  struct SlotState {
    uint32_t generation = 0;
    bool open = false;
  };
  std::vector<SlotState> slot_state;
  ActivityHeap by_day, by_seq;
  std::vector<uint32_t> merged_into;  // per event number: the event it went into (itself if none)
  std::vector<Pending> pending;
  std::vector<Assignment> decided;
  std::vector<float> overlap;      // scratch, per slot
  std::vector<uint32_t> touched;   // scratch
  std::vector<int32_t> term_head;  // scratch, per term id
  std::vector<float> sim;          // scratch, a batch's linkages
  std::vector<uint64_t> idf_batch;  // per term id: the batch whose idf idf_of holds
  std::vector<float> idf_of;
  std::array<float, 64> log_count{};  // 1 + log(count) for whole counts, 0 until computed

  explicit Impl(const EventOptions& o) : options(o) {}

  bool live(Ref r) const {
    const SlotState& st = slot_state[r.slot];
    return st.open && st.generation == r.generation;
  }

  uint32_t find(uint32_t number) {
    while (merged_into[number] != number) {
      merged_into[number] = merged_into[merged_into[number]];
      number = merged_into[number];
    }
    return number;
  }

  uint32_t term_id(uint64_t term) {
    // try_emplace, not emplace: emplace allocates a node before it looks, and almost every
    // term is known (one malloc and free per term an article).
    auto [it, added] = term_ids.try_emplace(term, static_cast<uint32_t>(df.size()));
    if (added) df.push_back(0);
    return it->second;
  }

  // Unit TF-IDF vector over the article's strongest terms (document frequencies as learned).
  // `ids` are the term ids of s.terms, in order.
  Vec vectorize(const ArticleSignals& s, const uint32_t* ids) {
    Vec v;
    v.reserve(s.terms.size());
    const float n = static_cast<float>(articles) + kPriorDocuments;
    // Logarithms are remembered: a term's idf for the batch (n and df are the batch's
    // throughout), and 1 + log(count) for small whole counts (most of them). The same calls
    // on the same values, made once.
    if (idf_batch.size() < df.size()) {
      idf_batch.resize(df.size(), UINT64_MAX);
      idf_of.resize(df.size());
    }
    for (size_t k = 0; k < s.terms.size(); ++k) {
      const float count = s.terms[k].second;
      const uint32_t id = ids[k];
      if (idf_batch[id] != batches) {
        idf_batch[id] = batches;
        idf_of[id] = std::log(n / (static_cast<float>(df[id]) + 1.0f)) + 1.0f;
      }
      const float idf = idf_of[id];
      float tf;
      if (count >= 1.0f && count < static_cast<float>(log_count.size()) &&
          static_cast<float>(static_cast<size_t>(count)) == count) {
        float& memo = log_count[static_cast<size_t>(count)];
        if (memo == 0) memo = 1.0f + std::log(count);  // never 0: 1 + log(count) >= 1
        tf = memo;
      } else {
        tf = 1.0f + std::log(count);
      }
      v.emplace_back(id, tf * idf);
    }
    keep_top(v, kArticleTerms);
    float norm = 0;
    for (const auto& [t, w] : v) norm += w * w;
    norm = norm > 0 ? 1.0f / std::sqrt(norm) : 0.0f;
    for (auto& [t, w] : v) w *= norm;
    return v;
  }

  uint32_t create() {
    uint32_t slot;
    if (!free_slots.empty()) {
      slot = free_slots.back();
      free_slots.pop_back();
    } else {
      slot = static_cast<uint32_t>(slots.size());
      slots.emplace_back();
      slot_state.emplace_back();
    }
    Event& e = slots[slot];
    e.number = created++;
    e.open = true;
    slot_state[slot] = {e.generation, true};
    e.last_day = INT32_MIN;
    merged_into.push_back(e.number);
    ++open;
    return slot;
  }

  void close(uint32_t slot) {
    Event& e = slots[slot];
    e.open = false;
    ++e.generation;
    slot_state[slot] = {e.generation, false};
    e.sum = Vec();
    e.count = 0;
    e.recent = std::vector<Member>();
    e.near = std::vector<Neighbourly>();
    e.sentences = {};
    e.indexed = {};
    free_slots.push_back(slot);
    --open;
  }

  // Closes events idle longer than the window before `reference` (a day), and the longest
  // idle beyond the open cap.
  // Amortised O(log open) an article: each heap entry is pushed once and popped once.
  void expire(int32_t reference) {
    while (!by_day.empty() && reference != INT32_MIN &&
           static_cast<double>(reference - by_day.top().key) > options.window_days) {
      Activity a = by_day.top();
      by_day.pop();
      const Event& e = slots[a.slot];
      if (e.open && e.generation == a.generation && e.last_day == a.key) close(a.slot);
    }
    while (open > options.max_open_events && !by_seq.empty()) {
      Activity a = by_seq.top();
      by_seq.pop();
      const Event& e = slots[a.slot];
      if (e.open && e.generation == a.generation && static_cast<int64_t>(e.last_seq) == a.key) {
        close(a.slot);
      }
    }
    if (by_seq.size() > 4 * open + 1024) {  // stale entries dominate: rebuild
      by_day = ActivityHeap();
      by_seq = ActivityHeap();
      for (uint32_t slot = 0; slot < slots.size(); ++slot) {
        const Event& e = slots[slot];
        if (!e.open) continue;
        if (e.last_day != INT32_MIN) by_day.push({e.last_day, slot, e.generation});
        by_seq.push({static_cast<int64_t>(e.last_seq), slot, e.generation});
      }
    }
  }

  // Open events sharing strong terms with `query` (an arrival's strongest terms), best first
  // by shared weight.
  void candidates(const Vec& query, std::vector<std::pair<float, uint32_t>>& out) {
    out.clear();
    if (overlap.size() < slots.size()) overlap.resize(slots.size(), 0.0f);
    touched.clear();
    for (const auto& [term, w] : query) {
      std::vector<Ref>& list = postings[term];
      if (list.empty()) continue;
      size_t kept = 0;
      for (Ref r : list) {
        if (!live(r)) continue;  // closed since: drop it while walking
        list[kept++] = r;
        if (overlap[r.slot] == 0) touched.push_back(r.slot);
        overlap[r.slot] += w;
      }
      list.resize(kept);
      if (list.empty()) std::vector<Ref>().swap(list);  // give the memory back
    }
    for (uint32_t s : touched) out.emplace_back(overlap[s], s);
    for (uint32_t s : touched) overlap[s] = 0;
    size_t n = std::min(out.size(), kCandidates);
    std::partial_sort(out.begin(), out.begin() + static_cast<long>(n), out.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    out.resize(n);
  }

  // Lists the event under an arrival's strongest terms (`query`).
  void index(uint32_t slot, const Vec& query) {
    Event& e = slots[slot];
    for (const auto& [term, w] : query) {
      if (!e.indexed.insert(term).second) continue;
      auto& list = postings[term];
      list.push_back({slot, e.generation});
      // A term many events share says little about which one an arrival belongs to: keep
      // its most recent events only, so that finding candidates costs the same at any scale.
      if (list.size() > 2 * kPostingCap) {
        list.erase(list.begin(), list.begin() + static_cast<long>(list.size() - kPostingCap));
      }
    }
  }

  void touch(uint32_t slot, int32_t day) {
    Event& e = slots[slot];
    if (day != INT32_MIN && day > e.last_day) {
      e.last_day = day;
      by_day.push({day, slot, e.generation});
    }
    e.last_seq = articles;
    by_seq.push({static_cast<int64_t>(articles), slot, e.generation});
  }

  // Moves event `from` into event `into`.
  void absorb(uint32_t into, uint32_t from) {
    Event& a = slots[into];
    Event& b = slots[from];
    add_into(a.sum, b.sum, kCentroidTerms);
    a.count += b.count;
    for (Member& m : b.recent) a.recent.push_back(std::move(m));
    for (Neighbourly& m : b.near) a.near.push_back(std::move(m));
    trim(a, /*force_rebuild=*/true);
    for (uint32_t term : b.indexed) {
      if (a.indexed.insert(term).second) postings[term].push_back({into, a.generation});
    }
    touch(into, b.last_day);
    merged_into[b.number] = a.number;
    close(from);
  }

  // Keeps an event's recent members within bounds, and its sentence map in step with them.
  static void trim(Event& e, bool force_rebuild) {
    if (e.near.size() > 2 * kNeighbourMembers) {
      e.near.erase(e.near.begin(), e.near.end() - static_cast<long>(kNeighbourMembers));
    }
    if (e.recent.size() > 2 * kRecentMembers) {
      e.recent.erase(e.recent.begin(), e.recent.end() - static_cast<long>(kRecentMembers));
      force_rebuild = true;
    }
    if (!force_rebuild) return;
    e.sentences = SentenceMap();
    for (uint32_t i = 0; i < e.recent.size(); ++i) {
      for (uint64_t h : e.recent[i].sentences) e.sentences.insert(h, i);
    }
  }

  // Duplicates and wire copies among the event's earlier members.
  void copies(const Event& e, const ArticleSignals& s, Assignment& out) const {
    for (const Member& m : e.recent) {
      if (hamming(m.simhash, s.simhash) <= kNearDuplicateBits && s.words > 0 &&
          std::min(m.words, s.words) * 10 >= std::max(m.words, s.words) * 9) {
        out.duplicate_of = m.id;
        return;
      }
    }
    if (s.sentence_hashes.size() < 3) return;
    std::vector<uint32_t> holders;
    for (uint64_t h : s.sentence_hashes) {
      uint32_t m = e.sentences.find(h);
      if (m != UINT32_MAX) holders.push_back(m);
    }
    std::sort(holders.begin(), holders.end());
    uint32_t best = UINT32_MAX, most = 0;
    for (size_t i = 0; i < holders.size();) {
      size_t j = i;
      while (j < holders.size() && holders[j] == holders[i]) ++j;
      if (j - i > most) {  // ties: the earliest member, first in sorted order
        most = static_cast<uint32_t>(j - i);
        best = holders[i];
      }
      i = j;
    }
    if (most >= 3 && most >= kWireShare * static_cast<double>(s.sentence_hashes.size())) {
      out.wire_of = e.recent[best].id;
    }
  }

  // Clusters the pending arrivals with the open events they bring in. Unless `final`, an
  // arrival that would join a cluster only narrowly is held back for the next batch, once
  // ("Holding back" below).
  void process(bool final) {
    if (pending.empty()) return;
    const size_t n_articles = pending.size();
    // Learn the batch's document frequencies first: a term new to the stream is as new to
    // every arrival of the batch.
    int32_t earliest = INT32_MAX;
    // The arrivals' term ids, one after another: arrival i's from ids_from[i].
    std::vector<size_t> ids_from(n_articles + 1, 0);
    for (size_t i = 0; i < n_articles; ++i) ids_from[i + 1] = ids_from[i] + pending[i].signals.terms.size();
    std::vector<uint32_t> ids(ids_from.back());
    for (size_t i = 0; i < n_articles; ++i) {
      const Pending& p = pending[i];
      if (!p.held) ++articles;
      uint32_t* out = ids.data() + ids_from[i];
      for (const auto& [term, count] : p.signals.terms) {
        uint32_t id = term_id(term);
        if (!p.held) ++df[id];
        *out++ = id;
      }
      if (p.signals.day != INT32_MIN) {
        now = std::max(now, p.signals.day);
        earliest = std::min(earliest, p.signals.day);
      }
    }
    // Events idle for a window before the batch's earliest arrival can take none of it.
    expire(earliest == INT32_MAX ? now : earliest);
    if (postings.size() < df.size()) postings.resize(df.size());
    // Index entries of closed events are dropped when walked; terms no arrival asks for
    // again are swept now and then, so that the index holds open events only.
    if (++batches % 64 == 0) {
      for (std::vector<Ref>& list : postings) {
        list.erase(std::remove_if(list.begin(), list.end(), [&](Ref r) { return !live(r); }), list.end());
        if (list.empty()) std::vector<Ref>().swap(list);
      }
    }
    std::vector<Vec> vecs(n_articles), queries(n_articles);
    for (size_t i = 0; i < n_articles; ++i) {
      vecs[i] = vectorize(pending[i].signals, ids.data() + ids_from[i]);
      queries[i] = vecs[i];
      keep_top_sorted(queries[i], kQueryTerms);
    }

    // Nodes: the arrivals, then the candidate events.
    std::vector<uint32_t> event_slots;
    std::unordered_map<uint32_t, float> event_weight;
    std::vector<std::pair<float, uint32_t>> found;
    for (size_t i = 0; i < n_articles; ++i) {
      candidates(queries[i], found);
      for (const auto& [w, slot] : found) event_weight[slot] += w;
    }
    for (const auto& [slot, w] : event_weight) event_slots.push_back(slot);
    if (event_slots.size() > kBatchEvents) {
      std::partial_sort(event_slots.begin(), event_slots.begin() + kBatchEvents, event_slots.end(),
                        [&](uint32_t a, uint32_t b) { return event_weight[a] > event_weight[b]; });
      event_slots.resize(kBatchEvents);
    }
    const size_t m = n_articles + event_slots.size();
    auto vec_of = [&](size_t node) -> const Vec& {
      return node < n_articles ? vecs[node] : slots[event_slots[node - n_articles]].sum;
    };
    std::vector<float> size(m);
    for (size_t k = 0; k < m; ++k) {
      size[k] = k < n_articles ? 1.0f : static_cast<float>(slots[event_slots[k - n_articles]].count);
    }

    // Average linkage between nodes: dot of sums over the product of sizes, found through the
    // nodes' terms, arrival rows only (two events are linked only through arrivals: they were
    // kept apart before). Arrival-event pairs are discounted by the event's idleness and cut
    // beyond the window; so are arrivals too far apart in time. Row a of `sim` (n_articles x
    // m) holds arrival a's linkages to the nodes after it; the pairs linked at about the
    // threshold are listed in `strong` (see below).
    const float threshold = static_cast<float>(options.join_threshold);
    const float sure = threshold * kSure;  // linkages that need no nearest-neighbour test
    // Clusters only form along links at the threshold (an average of linkages below it stays
    // below it), so UPGMA runs on each group of nodes connected by such links apart, on a
    // dense matrix of that group only; the rest of the batch's nodes stay alone. It merges
    // exactly as over the whole batch: a chain never leaves its group, nodes keep their order
    // (ties go the same way), and linkages across groups, below the threshold, never win a
    // nearest-neighbour search that matters. Groups are joined a little below the threshold,
    // by a margin larger than float rounding can add to a linkage over the batch's merges (at
    // most 4 roundings of 2^-24 a merge, fewer than m merges).
    const float join = static_cast<float>(options.join_threshold *
                                          (1.0 - 8.0 * static_cast<double>(m) / 16777216.0));
    std::vector<std::pair<uint32_t, uint32_t>> strong;
    sim.assign(n_articles * m, 0.0f);
    std::vector<float> factor(static_cast<size_t>(options.window_days) + 2);
    for (size_t g = 0; g < factor.size(); ++g) {
      factor[g] = static_cast<float>(1.0 / (1.0 + static_cast<double>(g) / options.window_days));
    }
    auto decay = [&](int32_t x, int32_t y) {  // the weight of a gap in time
      if (x == INT32_MIN || y == INT32_MIN) return 1.0f;
      double gap = std::abs(static_cast<double>(x) - y);
      return gap > options.window_days ? 0.0f : factor[static_cast<size_t>(gap)];
    };
    std::vector<int32_t> day(m);  // arrivals' days, events' last days
    for (size_t k = 0; k < m; ++k) {
      day[k] = k < n_articles ? pending[k].signals.day : slots[event_slots[k - n_articles]].last_day;
    }
    struct MemberSim {
      uint32_t arrival, node, member;
      float sim;
    };
    std::vector<Nearest> nearest(n_articles, Nearest{});
    std::vector<MemberSim> member_sims;
    // Per arrival and event node: whether they may join (n_articles x events).
    std::vector<char> may_join(n_articles * (m - n_articles), 0);
    {
      // Per term, the nodes holding it, contiguous (counting sort by term through
      // `term_head`, indexed by term id and reset afterwards).
      if (term_head.size() < df.size()) term_head.resize(df.size(), -1);
      std::vector<uint32_t> used, counts;
      for (size_t k = 0; k < m; ++k) {
        for (const auto& [t, w] : vec_of(k)) {
          if (term_head[t] < 0) {
            term_head[t] = static_cast<int32_t>(used.size());
            used.push_back(t);
            counts.push_back(0);
          }
          ++counts[static_cast<size_t>(term_head[t])];
        }
      }
      std::vector<uint32_t> begin(used.size() + 1, 0);
      for (size_t u = 0; u < used.size(); ++u) begin[u + 1] = begin[u] + counts[u];
      std::vector<std::pair<uint32_t, float>> nodes(begin.back());
      std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
      for (size_t k = 0; k < m; ++k) {
        for (const auto& [t, w] : vec_of(k)) {
          nodes[fill[static_cast<size_t>(term_head[t])]++] = {static_cast<uint32_t>(k), w};
        }
      }
      // Per node, what an arrival's dot with it is multiplied by: 1 / its size, then its time
      // discount (1 where none applies: multiplying by 1 changes nothing). It depends on the
      // arrival's day only, and arrivals come in date order: recomputed when the day changes.
      std::vector<float> discount(m);
      int32_t discount_day = 0;
      for (size_t a = 0; a < n_articles; ++a) {
        if (a == 0 || day[a] != discount_day) {
          discount_day = day[a];
          for (size_t b = 0; b < m; ++b) {
            if (b >= n_articles) {
              discount[b] = day[a] > day[b] ? decay(day[a], day[b]) : 1.0f;
            } else {
              discount[b] = decay(day[a], day[b]);
            }
          }
        }
        float* row = &sim[a * m];
        // Nodes were added in index order, so each term's list is sorted: start past `a`.
        for (const auto& [t, w] : vecs[a]) {
          size_t u = static_cast<size_t>(term_head[t]);
          const auto* first = nodes.data() + begin[u];
          const auto* last = nodes.data() + begin[u + 1];
          const auto* it = std::upper_bound(first, last, static_cast<uint32_t>(a),
                                            [](uint32_t x, const auto& e) { return x < e.first; });
          for (; it != last; ++it) row[it->first] += w * it->second;
        }
        // Nearest neighbours among the arrivals, by content (before the time discount).
        for (size_t b = a + 1; b < n_articles; ++b) {
          if (row[b] > 0) {
            note_neighbour(nearest[a], row[b]);
            note_neighbour(nearest[b], row[b]);
          }
        }
        // Zero stays zero (0 / size * discount), so every cell is done alike, without a test.
        for (size_t b = a + 1; b < m; ++b) row[b] = row[b] / size[b] * discount[b];  // size[a] is 1
        // Links at about the threshold are few: cells are counted 32 at a time (a loop the
        // compiler vectorises), then looked at one by one only where some are.
        size_t b = a + 1;
        for (; b + 32 <= m; b += 32) {
          int hits = 0;
          for (size_t k = 0; k < 32; ++k) hits += row[b + k] >= join ? 1 : 0;
          if (hits == 0) continue;
          for (size_t k = b; k < b + 32; ++k) {
            if (row[k] >= join) strong.emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(k));
          }
        }
        for (; b < m; ++b) {
          if (row[b] >= join) strong.emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
        }
      }
      for (uint32_t t : used) term_head[t] = -1;

      // Nearest neighbours. Each arrival's highest similarities: with the other arrivals, and
      // with the members of the events it links to at the threshold. An arrival may join an
      // event when one of the event's members is among its kNeighbours nearest, or it among
      // the member's (as far as the member has seen).
      for (const auto& [a, k] : strong) {
        // Links at kSure times the threshold or more need no test.
        if (k < n_articles || sim[a * m + k] >= sure) continue;
        const Event& e = slots[event_slots[k - n_articles]];
        const size_t from = e.near.size() > kNeighbourMembers ? e.near.size() - kNeighbourMembers : 0;
        for (uint32_t i = static_cast<uint32_t>(from); i < e.near.size(); ++i) {
          const float dot = sorted_dot(vecs[a], e.near[i].vec);
          if (dot > 0) {
            member_sims.push_back({a, k, i, dot});
            note_neighbour(nearest[a], dot);
          }
        }
      }
      for (const MemberSim& x : member_sims) {
        Neighbourly& mem = slots[event_slots[x.node - n_articles]].near[x.member];
        if (x.sim >= nearest[x.arrival][kNeighbours - 1] || x.sim >= mem.nearest[kNeighbours - 1]) {
          may_join[x.arrival * (m - n_articles) + (x.node - n_articles)] = 1;
        }
      }
    }

    // UPGMA with one threshold, chains starting from arrivals, group by group.
    std::vector<uint32_t> parent(m);
    std::iota(parent.begin(), parent.end(), 0u);
    // Holding back. An arrival whose event-mates have not come yet can resemble a sibling
    // event (another quake, another fight of one boxer) at about the threshold and join it;
    // its mates then follow it there. Had they all come at once, it would first have joined
    // its mates, and their cluster stayed apart from the sibling. So, unless the batch is the
    // last (flush), arrivals that join a cluster at a linkage below kSure times the threshold
    // with no article of it kClose times the threshold similar wait for the next batch, once:
    // those of the side without an event (the smaller side when neither has one), as long as
    // the cluster brings no two events together. (A close article is a mate already there: a
    // new member of a large, varied event links to it on average only narrowly, and need not
    // wait; without this exemption 16% of the synthetic stream waited, and the stream ran 20%
    // slower.) ECB+ (two batches), 45 random input orders: lowest B-cubed F1 0.885 -> 0.897,
    // orders under 0.90 6 -> 1 (docs/events.md). `marginal` marks them as UPGMA merges;
    // `events_in` and `nodes_of` follow each cluster (by its representative node).
    const float close = threshold * kClose;
    std::vector<uint32_t> events_in(m, 0);
    std::vector<std::vector<uint32_t>> nodes_of(final ? 0 : m);
    std::vector<char> marginal(n_articles, 0);
    std::vector<uint32_t> member_from(n_articles + 1, 0);  // arrival a's member_sims: a run
    for (const MemberSim& x : member_sims) ++member_from[x.arrival + 1];
    for (size_t a = 0; a < n_articles; ++a) member_from[a + 1] += member_from[a];
    for (size_t k = 0; k < m; ++k) {
      if (k >= n_articles) events_in[k] = 1;
      if (!final) nodes_of[k] = {static_cast<uint32_t>(k)};
    }
    auto root = [&](uint32_t k) {
      while (parent[k] != k) k = parent[k] = parent[parent[k]];
      return k;
    };
    // The highest similarity between an arrival of cluster `d` and an article of cluster `o`:
    // another arrival, or a member of one of its events (as compared above; an event linked
    // at kSure times the threshold or more counts as holding such an article).
    auto closest = [&](uint32_t d, uint32_t o) {
      float best = 0;
      for (uint32_t a : nodes_of[d]) {
        for (uint32_t x : nodes_of[o]) best = std::max(best, a < x ? sim[a * m + x] : sim[x * m + a]);
        for (uint32_t i = member_from[a]; i < member_from[a + 1]; ++i) {
          if (root(member_sims[i].node) == o) best = std::max(best, member_sims[i].sim);
        }
      }
      return best;
    };
    auto merge = [&](uint32_t keep, uint32_t gone, float linkage) {
      if (!final) {
        if (linkage < sure && (events_in[keep] == 0 || events_in[gone] == 0)) {
          uint32_t d;  // the side held: arrivals only, the smaller if both are
          if (events_in[keep] != 0) {
            d = gone;
          } else if (events_in[gone] != 0) {
            d = keep;
          } else {
            d = nodes_of[keep].size() < nodes_of[gone].size() ? keep : gone;
          }
          if (closest(d, d == keep ? gone : keep) < close) {
            for (uint32_t a : nodes_of[d]) marginal[a] = 1;
          }
        }
        if (nodes_of[keep].size() < nodes_of[gone].size()) nodes_of[keep].swap(nodes_of[gone]);
        nodes_of[keep].insert(nodes_of[keep].end(), nodes_of[gone].begin(), nodes_of[gone].end());
        nodes_of[gone] = {};
      }
      parent[gone] = keep;
      events_in[keep] += events_in[gone];
    };
    {
      std::vector<uint32_t> group(m);
      std::iota(group.begin(), group.end(), 0u);
      auto find = [&](uint32_t k) {
        while (group[k] != k) k = group[k] = group[group[k]];
        return k;
      };
      for (const auto& [a, b] : strong) {
        uint32_t ra = find(a), rb = find(b);
        if (ra != rb) group[std::max(ra, rb)] = std::min(ra, rb);
      }
      // Members of each group of two or more nodes, in node order, from first_member[g].
      std::vector<uint32_t> root_of(m), count(m, 0), group_of(m, UINT32_MAX);
      for (uint32_t k = 0; k < m; ++k) ++count[root_of[k] = find(k)];
      std::vector<uint32_t> first_member = {0};
      for (uint32_t k = 0; k < m; ++k) {
        if (root_of[k] == k && count[k] >= 2) {
          group_of[k] = static_cast<uint32_t>(first_member.size() - 1);
          first_member.push_back(first_member.back() + count[k]);
        }
      }
      std::vector<uint32_t> member(first_member.back());
      std::vector<uint32_t> next(first_member.begin(), first_member.end() - 1);
      for (uint32_t k = 0; k < m; ++k) {
        uint32_t g = group_of[root_of[k]];
        if (g != UINT32_MAX) member[next[g]++] = k;
      }
      std::vector<float> group_sim, weight;
      std::vector<char> group_conn;
      for (size_t g = 0; g + 1 < first_member.size(); ++g) {
        const uint32_t* nodes_g = member.data() + first_member[g];
        const size_t c = first_member[g + 1] - first_member[g];
        group_sim.assign(c * c, 0.0f);
        group_conn.assign(c * c, 0);
        for (size_t i = 0; i < c && nodes_g[i] < n_articles; ++i) {
          const uint32_t a = nodes_g[i];
          const float* row = &sim[a * m];
          for (size_t j = i + 1; j < c; ++j) {
            const uint32_t b = nodes_g[j];
            const float s = row[b];
            group_sim[i * c + j] = group_sim[j * c + i] = s;
            char may;
            if (b < n_articles) {
              // By content, as `nearest` holds them: without the time discount.
              const float f = decay(day[a], day[b]);
              // (Within float rounding of what was noted: the nearest itself must pass.)
              const float raw = f > 0 ? s / f * (1.0f + 1e-5f) : 0.0f;
              may = raw > 0 && (raw >= nearest[a][kNeighbours - 1] || raw >= nearest[b][kNeighbours - 1]);
            } else {
              may = may_join[a * (m - n_articles) + (b - n_articles)];
            }
            group_conn[i * c + j] = group_conn[j * c + i] = may;
          }
        }
        weight.resize(c);
        for (size_t i = 0; i < c; ++i) weight[i] = size[nodes_g[i]];
        upgma(group_sim, group_conn, weight, c, threshold, sure,
              [&](uint32_t keep, uint32_t gone, float linkage) { merge(nodes_g[keep], nodes_g[gone], linkage); },
              [&](uint32_t i) { return nodes_g[i] < n_articles; });
      }
    }

    std::vector<char> hold(n_articles, 0);
    for (size_t i = 0; i < n_articles; ++i) {
      hold[i] = marginal[i] && !pending[i].held && events_in[root(static_cast<uint32_t>(i))] <= 1;
    }
    // The members have now seen the arrivals that stay.
    for (const MemberSim& x : member_sims) {
      if (!hold[x.arrival]) note_neighbour(slots[event_slots[x.node - n_articles]].near[x.member].nearest, x.sim);
    }

    // Each cluster of nodes becomes one event: the oldest event in it absorbs the others;
    // a cluster of arrivals only starts an event.
    std::unordered_map<uint32_t, uint32_t> target;  // cluster root -> event slot
    for (size_t k = n_articles; k < m; ++k) {
      uint32_t r = root(static_cast<uint32_t>(k));
      uint32_t slot = event_slots[k - n_articles];
      auto it = target.find(r);
      if (it == target.end()) {
        target.emplace(r, slot);
      } else if (slots[slot].number < slots[it->second].number) {
        absorb(slot, it->second);
        it->second = slot;
      } else {
        absorb(it->second, slot);
      }
    }
    std::vector<Pending> held;
    for (size_t i = 0; i < n_articles; ++i) {
      if (hold[i]) {
        pending[i].held = true;
        held.push_back(std::move(pending[i]));
        continue;
      }
      uint32_t r = root(static_cast<uint32_t>(i));
      Assignment out;
      out.article = pending[i].id;
      auto it = target.find(r);
      if (it == target.end()) {
        it = target.emplace(r, create()).first;
        out.new_event = true;
      } else {
        copies(slots[it->second], pending[i].signals, out);
      }
      uint32_t slot = it->second;
      Event& e = slots[slot];
      add_into(e.sum, vecs[i], kCentroidTerms);
      uint32_t member = static_cast<uint32_t>(e.recent.size());
      ++e.count;
      e.recent.push_back({pending[i].id, pending[i].signals.simhash, pending[i].signals.words,
                          pending[i].signals.sentence_hashes});
      for (uint64_t h : pending[i].signals.sentence_hashes) e.sentences.insert(h, member);
      e.near.push_back({std::move(vecs[i]), nearest[i]});
      trim(e, false);
      touch(slot, pending[i].signals.day);
      index(slot, queries[i]);
      out.event = "e" + std::to_string(e.number + 1);
      decided.push_back(std::move(out));
    }
    pending.swap(held);
  }
};

EventStream::EventStream(const EventOptions& options) : impl_(std::make_unique<Impl>(options)) {}
EventStream::~EventStream() = default;

void EventStream::add(const Article& article) { add(article.id, signals_of(article)); }

void EventStream::add(std::string id, ArticleSignals signals) {
  impl_->pending.push_back({std::move(id), std::move(signals)});
  if (impl_->pending.size() >= impl_->options.batch) impl_->process(/*final=*/false);
}

void EventStream::flush() { impl_->process(/*final=*/true); }

std::vector<Assignment> EventStream::take() {
  std::vector<Assignment> out;
  out.swap(impl_->decided);
  return out;
}

std::string EventStream::current(const std::string& event) const {
  if (event.size() < 2 || event[0] != 'e') return event;
  uint32_t n = static_cast<uint32_t>(std::stoul(event.substr(1))) - 1;
  if (n >= impl_->merged_into.size()) return event;
  return "e" + std::to_string(impl_->find(n) + 1);
}

size_t EventStream::open_events() const { return impl_->open; }
size_t EventStream::events_created() const { return impl_->created; }
size_t EventStream::articles_seen() const {
  size_t waiting = 0;  // pending and not yet counted (held ones are)
  for (const Pending& p : impl_->pending) waiting += p.held ? 0 : 1;
  return impl_->articles + waiting;
}

std::vector<size_t> publication_order(const std::vector<Article>& articles) {
  std::vector<int32_t> day(articles.size());
  int32_t last = INT32_MIN;
  for (size_t i = 0; i < articles.size(); ++i) {
    int32_t d = day_number(articles[i].published);
    if (d != INT32_MIN) last = d;
    day[i] = d != INT32_MIN ? d : last;
  }
  std::vector<size_t> order(articles.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return day[a] < day[b]; });
  return order;
}

std::vector<Assignment> assign_events(const std::vector<Article>& articles,
                                      const EventOptions& options) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < articles.size(); ++i) index.emplace(articles[i].id, i);
  std::vector<Assignment> out(articles.size());
  EventStream stream(options);
  auto collect = [&] {
    for (Assignment& a : stream.take()) {
      size_t i = index.at(a.article);
      out[i] = std::move(a);
    }
  };
  for (size_t i : publication_order(articles)) {
    stream.add(articles[i]);
    collect();
  }
  stream.flush();
  collect();
  for (Assignment& a : out) a.event = stream.current(a.event);
  return out;
}

}  // namespace chorus
