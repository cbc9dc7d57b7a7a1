// Online event clustering in small batches (docs/events.md).
//
// Articles are vectorised as TF-IDF over their strongest terms, with document frequencies
// learned from the stream. Every batch of arrivals is clustered together with the open events
// the index finds for them, by average linkage (UPGMA) with one threshold: an arrival joins an
// event, starts one with other arrivals, or brings two events together. Events idle longer
// than the window close and leave memory.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
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
constexpr size_t kPostingCap = 4096;    // events kept per term in the index (most recent)
constexpr int kNearDuplicateBits = 3;   // SimHash distance of near-duplicates
constexpr double kWireShare = 0.4;      // share of sentences a wire copy takes from the original

using Vec = std::vector<std::pair<uint32_t, float>>;  // sorted by term id

float dot(const Vec& a, const Vec& b) {
  float s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      s += a[i++].second * b[j++].second;
    }
  }
  return s;
}

// The `keep` heaviest entries of `v`, sorted by term.
void keep_top(Vec& v, size_t keep) {
  if (v.size() > keep) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(keep), v.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    v.resize(keep);
  }
  std::sort(v.begin(), v.end());
}

// a + b (both sorted), pruned to `keep` terms.
Vec vec_sum(const Vec& a, const Vec& b, size_t keep) {
  Vec sum;
  sum.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      sum.push_back(a[i++]);
    } else if (i == a.size() || b[j].first < a[i].first) {
      sum.push_back(b[j++]);
    } else {
      sum.emplace_back(a[i].first, a[i].second + b[j].second);
      ++i;
      ++j;
    }
  }
  keep_top(sum, keep);
  return sum;
}

struct Member {
  std::string id;
  uint64_t simhash;
  uint32_t words;
};

struct Event {
  uint32_t number = 0;      // public number: "e<number+1>"
  uint32_t generation = 0;  // bumped when the slot is reused, to spot stale index entries
  Vec sum;                  // sum of the members' unit vectors, pruned
  int32_t last_day = INT32_MIN;
  uint64_t last_seq = 0;
  bool open = false;
  std::vector<Member> members;
  std::unordered_map<uint64_t, uint32_t> sentences;  // sentence hash -> first member holding it
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
};

}  // namespace

struct EventStream::Impl {
  EventOptions options;
  std::unordered_map<uint64_t, uint32_t> term_ids;
  std::vector<uint32_t> df;
  uint64_t articles = 0;
  uint32_t created = 0;
  int32_t now = INT32_MIN;  // the latest publication day seen
  std::vector<Event> slots;  // open events, and closed slots to reuse
  std::vector<uint32_t> free_slots;
  size_t open = 0;
  std::unordered_map<uint32_t, std::vector<Ref>> postings;  // term -> events
  ActivityHeap by_day, by_seq;
  std::vector<uint32_t> merged_into;  // per event number: the event it went into (itself if none)
  std::vector<Pending> pending;
  std::vector<Assignment> decided;
  std::vector<float> overlap;  // scratch, per slot

  explicit Impl(const EventOptions& o) : options(o) {}

  bool live(Ref r) const { return slots[r.slot].open && slots[r.slot].generation == r.generation; }

  uint32_t find(uint32_t number) {
    while (merged_into[number] != number) {
      merged_into[number] = merged_into[merged_into[number]];
      number = merged_into[number];
    }
    return number;
  }

  uint32_t term_id(uint64_t term) {
    auto [it, added] = term_ids.emplace(term, static_cast<uint32_t>(df.size()));
    if (added) df.push_back(0);
    return it->second;
  }

  // Unit TF-IDF vector over the article's strongest terms (document frequencies as learned).
  Vec vectorize(const ArticleSignals& s) {
    Vec v;
    v.reserve(s.terms.size());
    const float n = static_cast<float>(articles) + kPriorDocuments;
    for (const auto& [term, count] : s.terms) {
      uint32_t id = term_ids.at(term);
      float idf = std::log(n / (static_cast<float>(df[id]) + 1.0f)) + 1.0f;
      v.emplace_back(id, (1.0f + std::log(count)) * idf);
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
    }
    Event& e = slots[slot];
    e.number = created++;
    e.open = true;
    e.last_day = INT32_MIN;
    merged_into.push_back(e.number);
    ++open;
    return slot;
  }

  void close(uint32_t slot) {
    Event& e = slots[slot];
    e.open = false;
    ++e.generation;
    e.sum = Vec();
    e.members = std::vector<Member>();
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

  // Open events sharing strong terms with `v`, best first by shared weight.
  void candidates(const Vec& v, std::vector<std::pair<float, uint32_t>>& out) {
    out.clear();
    if (overlap.size() < slots.size()) overlap.resize(slots.size(), 0.0f);
    std::vector<uint32_t> touched;
    Vec query = v;
    keep_top(query, kQueryTerms);
    for (const auto& [term, w] : query) {
      auto it = postings.find(term);
      if (it == postings.end()) continue;
      std::vector<Ref>& list = it->second;
      size_t kept = 0;
      for (Ref r : list) {
        if (!live(r)) continue;  // closed since: drop it while walking
        list[kept++] = r;
        if (overlap[r.slot] == 0) touched.push_back(r.slot);
        overlap[r.slot] += w;
      }
      list.resize(kept);
    }
    for (uint32_t s : touched) out.emplace_back(overlap[s], s);
    for (uint32_t s : touched) overlap[s] = 0;
    size_t n = std::min(out.size(), kCandidates);
    std::partial_sort(out.begin(), out.begin() + static_cast<long>(n), out.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    out.resize(n);
  }

  void index(uint32_t slot, const Vec& v) {
    Event& e = slots[slot];
    Vec query = v;
    keep_top(query, kQueryTerms);
    for (const auto& [term, w] : query) {
      if (!e.indexed.insert(term).second) continue;
      auto& list = postings[term];
      list.push_back({slot, e.generation});
      if (list.size() > 2 * kPostingCap) {
        list.erase(list.begin(), list.begin() + static_cast<long>(kPostingCap));
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
    a.sum = vec_sum(a.sum, b.sum, kCentroidTerms);
    uint32_t offset = static_cast<uint32_t>(a.members.size());
    for (Member& m : b.members) a.members.push_back(std::move(m));
    for (const auto& [h, m] : b.sentences) a.sentences.emplace(h, m + offset);
    for (uint32_t term : b.indexed) {
      if (a.indexed.insert(term).second) postings[term].push_back({into, a.generation});
    }
    touch(into, b.last_day);
    merged_into[b.number] = a.number;
    close(from);
  }

  // Duplicates and wire copies among the event's earlier members.
  void copies(const Event& e, const ArticleSignals& s, Assignment& out) const {
    for (const Member& m : e.members) {
      if (hamming(m.simhash, s.simhash) <= kNearDuplicateBits && s.words > 0 &&
          std::min(m.words, s.words) * 10 >= std::max(m.words, s.words) * 9) {
        out.duplicate_of = m.id;
        return;
      }
    }
    if (s.sentence_hashes.size() < 3) return;
    std::unordered_map<uint32_t, uint32_t> shared;
    for (uint64_t h : s.sentence_hashes) {
      auto it = e.sentences.find(h);
      if (it != e.sentences.end()) ++shared[it->second];
    }
    uint32_t best = UINT32_MAX, most = 0;
    for (const auto& [member, n] : shared) {
      if (n > most || (n == most && member < best)) {
        most = n;
        best = member;
      }
    }
    if (most >= 3 && most >= kWireShare * static_cast<double>(s.sentence_hashes.size())) {
      out.wire_of = e.members[best].id;
    }
  }

  // Clusters the pending arrivals with the open events they bring in.
  void process() {
    if (pending.empty()) return;
    const size_t n_articles = pending.size();
    // Learn the batch's document frequencies first: a term new to the stream is as new to
    // every arrival of the batch.
    int32_t earliest = INT32_MAX;
    for (const Pending& p : pending) {
      ++articles;
      for (const auto& [term, count] : p.signals.terms) ++df[term_id(term)];
      if (p.signals.day != INT32_MIN) {
        now = std::max(now, p.signals.day);
        earliest = std::min(earliest, p.signals.day);
      }
    }
    // Events idle for a window before the batch's earliest arrival can take none of it.
    expire(earliest == INT32_MAX ? now : earliest);
    std::vector<Vec> vecs(n_articles);
    for (size_t i = 0; i < n_articles; ++i) vecs[i] = vectorize(pending[i].signals);

    // Nodes: the arrivals, then the candidate events.
    std::vector<uint32_t> event_slots;
    std::unordered_map<uint32_t, float> event_weight;
    std::vector<std::pair<float, uint32_t>> found;
    for (size_t i = 0; i < n_articles; ++i) {
      candidates(vecs[i], found);
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
      size[k] = k < n_articles ? 1.0f : static_cast<float>(slots[event_slots[k - n_articles]].members.size());
    }

    // Average linkage between nodes: dot of sums over the product of sizes. Arrival-event
    // pairs are discounted by the event's idleness, and cut beyond the window.
    std::vector<float> sim(m * m, 0.0f);
    {
      // Sparse products through the nodes' terms, arrival rows only: two events are linked
      // only through arrivals (they were kept apart before).
      std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, float>>> by_term;
      for (size_t k = 0; k < m; ++k) {
        for (const auto& [t, w] : vec_of(k)) by_term[t].emplace_back(static_cast<uint32_t>(k), w);
      }
      for (size_t a = 0; a < n_articles; ++a) {
        float* row = &sim[a * m];
        for (const auto& [t, w] : vecs[a]) {
          for (const auto& [k, wk] : by_term[t]) {
            if (k > a) row[k] += w * wk;
          }
        }
      }
      // Time: an event idle for a whole window counts half, and nothing past the window
      // counts; two arrivals further apart than the window are not one event.
      auto apart = [&](int32_t x, int32_t y, float s) {
        if (x == INT32_MIN || y == INT32_MIN) return s;
        double gap = std::abs(x - y);
        return gap > options.window_days ? 0.0f : static_cast<float>(s / (1.0 + gap / options.window_days));
      };
      for (size_t a = 0; a < n_articles; ++a) {
        for (size_t b = a + 1; b < m; ++b) {
          float s = sim[a * m + b] / (size[a] * size[b]);
          int32_t day = pending[a].signals.day;
          if (b >= n_articles) {
            int32_t last = slots[event_slots[b - n_articles]].last_day;
            if (day > last) s = apart(day, last, s);
          } else {
            s = apart(day, pending[b].signals.day, s);
          }
          sim[a * m + b] = sim[b * m + a] = s;
        }
      }
    }

    // UPGMA by nearest-neighbour chain, merging reciprocal nearest neighbours while their
    // linkage reaches the threshold. Average linkage is reducible, so a pair below the
    // threshold can never reach it later: both are final.
    const float threshold = static_cast<float>(options.join_threshold);
    std::vector<char> active(m, 1);
    std::vector<uint32_t> parent(m);
    std::iota(parent.begin(), parent.end(), 0u);
    // Chains start from arrivals: a cluster grows only from an arrival, and two events come
    // together only through arrivals that link them.
    std::vector<uint32_t> chain;
    size_t next_start = 0;
    size_t remaining = m;
    auto nearest = [&](uint32_t a) {
      uint32_t best = UINT32_MAX;
      float best_sim = -1;
      const float* row = &sim[a * m];
      for (uint32_t b = 0; b < m; ++b) {
        if (b == a || !active[b]) continue;
        if (row[b] > best_sim) {
          best_sim = row[b];
          best = b;
        }
      }
      return std::make_pair(best, best_sim);
    };
    while (remaining > 0) {
      if (chain.empty()) {
        while (next_start < m && !active[next_start]) ++next_start;
        if (next_start >= n_articles) break;  // every arrival is settled
        chain.push_back(static_cast<uint32_t>(next_start));
      }
      uint32_t a = chain.back();
      auto [b, s] = nearest(a);
      if (b == UINT32_MAX || s < threshold) {
        active[a] = 0;  // nothing reaches the threshold: final
        --remaining;
        chain.pop_back();
        continue;
      }
      if (chain.size() >= 2 && (b == chain[chain.size() - 2] || sim[a * m + chain[chain.size() - 2]] >= s)) {
        uint32_t c = chain[chain.size() - 2];
        chain.pop_back();
        chain.pop_back();
        // Merge c into a (keep the smaller index as the survivor).
        uint32_t keep = std::min(a, c), gone = std::max(a, c);
        for (uint32_t k = 0; k < m; ++k) {
          if (!active[k] || k == keep || k == gone) continue;
          float v = (size[keep] * sim[keep * m + k] + size[gone] * sim[gone * m + k]) / (size[keep] + size[gone]);
          sim[keep * m + k] = sim[k * m + keep] = v;
        }
        size[keep] += size[gone];
        active[gone] = 0;
        parent[gone] = keep;
        --remaining;
        continue;
      }
      chain.push_back(b);
    }

    // Each cluster of nodes becomes one event: the oldest event in it absorbs the others;
    // a cluster of arrivals only starts an event.
    auto root = [&](uint32_t k) {
      while (parent[k] != k) k = parent[k] = parent[parent[k]];
      return k;
    };
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
    for (size_t i = 0; i < n_articles; ++i) {
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
      e.sum = vec_sum(e.sum, vecs[i], kCentroidTerms);
      uint32_t member = static_cast<uint32_t>(e.members.size());
      e.members.push_back({pending[i].id, pending[i].signals.simhash, pending[i].signals.words});
      for (uint64_t h : pending[i].signals.sentence_hashes) e.sentences.emplace(h, member);
      touch(slot, pending[i].signals.day);
      index(slot, vecs[i]);
      out.event = "e" + std::to_string(e.number + 1);
      decided.push_back(std::move(out));
    }
    pending.clear();
  }
};

EventStream::EventStream(const EventOptions& options) : impl_(std::make_unique<Impl>(options)) {}
EventStream::~EventStream() = default;

void EventStream::add(const Article& article) {
  impl_->pending.push_back({article.id, signals_of(article)});
  if (impl_->pending.size() >= impl_->options.batch) impl_->process();
}

void EventStream::flush() { impl_->process(); }

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
size_t EventStream::articles_seen() const { return impl_->articles + impl_->pending.size(); }

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
