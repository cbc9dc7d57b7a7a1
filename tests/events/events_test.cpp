#include <gtest/gtest.h>

#include <map>
#include <set>

#include "chorus/events.h"
#include "chorus/pipeline.h"
#include "eval/cluster_eval.h"
#include "events/signals.h"

namespace chorus {
namespace {

Article article(const std::string& id, const std::string& text, const std::string& date = "") {
  Article a;
  a.id = id;
  a.raw = text;
  a.published = date;
  std::string why;
  EXPECT_TRUE(analyze(a, &why)) << why;
  return a;
}

// Two stories of the same kind (a fire at a supermarket of one chain, months apart) and an
// unrelated one, three articles each, worded differently, given out of date order.
std::vector<Article> stories() {
  return {
      article("fire1-a", "Fire destroys Waitrose store in Banstead\nMore than 50 firefighters tackled the blaze at the Waitrose supermarket in Banstead, Surrey, on Friday night.\nPolice said the fire at the Banstead store was being treated as potentially suspicious.", "2022-01-14"),
      article("quake-a", "Earthquake shakes Lombok\nA magnitude 6.4 earthquake struck the Indonesian island of Lombok on Sunday, killing at least 14 people.\nThe quake damaged hundreds of houses in the north of Lombok, officials said.", "2022-03-06"),
      article("fire2-a", "Waitrose in Wellington gutted by fire\nEight crews fought the fire at the Waitrose supermarket in Wellington town centre on Sunday morning.\nThe Wellington store will stay closed for months, the company said.", "2022-07-21"),
      article("fire1-b", "Banstead Waitrose blaze suspicious, police say\nSurrey Police are investigating the fire that gutted the Waitrose supermarket in Banstead on Friday.\nAbout 50 firefighters fought the Banstead blaze through the night.", "2022-01-15"),
      article("quake-b", "Lombok earthquake kills 14\nAt least 14 people died when a 6.4 magnitude earthquake hit Lombok, Indonesia, on Sunday.\nThousands of Lombok residents slept outside, fearing aftershocks.", "2022-03-06"),
      article("fire2-b", "Crews tackle Wellington Waitrose fire\nFirefighters from eight crews battled a fire at Waitrose in Wellington on Sunday.\nSmoke rose over Wellington town centre as the supermarket burned.", "2022-07-21"),
      article("fire1-c", "Waitrose Banstead fire: residents evacuated\nResidents near the Waitrose store in Banstead were evacuated as 50 firefighters tackled the blaze on Friday.\nPolice treat the Banstead fire as suspicious.", "2022-01-15"),
      article("quake-c", "Indonesia: Lombok hit by deadly quake\nThe Lombok earthquake of magnitude 6.4 on Sunday killed 14 people and damaged homes.\nRescuers searched collapsed houses across Lombok.", "2022-03-07"),
      article("fire2-c", "Wellington Waitrose closed after fire\nThe Waitrose supermarket in Wellington town centre was badly damaged by Sunday's fire.\nEight crews were sent to the Wellington blaze.", "2022-07-22"),
  };
}

std::map<std::string, std::string> events_of(const std::vector<Article>& articles, EventOptions o = {}) {
  std::map<std::string, std::string> out;
  std::vector<Assignment> a = assign_events(articles, o);
  for (size_t i = 0; i < articles.size(); ++i) out[articles[i].id] = a[i].event;
  return out;
}

TEST(Events, GroupsStoriesAndKeepsSimilarEventsApart) {
  for (size_t batch : {size_t{1}, size_t{4}, size_t{512}}) {
    EventOptions o;
    o.batch = batch;
    auto e = events_of(stories(), o);
    for (const char* s : {"fire1", "fire2", "quake"}) {
      std::string first = e[std::string(s) + "-a"];
      EXPECT_EQ(e[std::string(s) + "-b"], first) << s << " batch " << batch;
      EXPECT_EQ(e[std::string(s) + "-c"], first) << s << " batch " << batch;
    }
    EXPECT_NE(e["fire1-a"], e["fire2-a"]) << "batch " << batch;
    EXPECT_NE(e["fire1-a"], e["quake-a"]) << "batch " << batch;
  }
}

// An article that comes ahead of its event-mates resembles the sibling event already open
// (fire1, fire2: one supermarket chain) and would settle there, drawing its mates after it.
// It waits for the next batch instead, where it finds them.
TEST(Events, ArticleAheadOfItsMatesWaitsForThem) {
  std::map<std::string, Article> by_id;
  for (Article& a : stories()) {
    a.published.clear();  // undated: no window to tell the fires apart
    by_id[a.id] = a;
  }
  EventOptions o;
  o.batch = 3;
  EventStream stream(o);
  std::map<std::string, std::string> e;
  auto take = [&] {
    for (const Assignment& a : stream.take()) e[a.article] = a.event;
  };
  for (const char* id : {"fire1-a", "fire1-b", "fire1-c", "fire2-a", "quake-a", "quake-b"}) {
    stream.add(by_id.at(id));
  }
  take();
  EXPECT_EQ(e.size(), 5u);
  EXPECT_EQ(e.count("fire2-a"), 0u);  // held back
  for (const char* id : {"fire2-b", "fire2-c", "quake-c"}) stream.add(by_id.at(id));
  stream.flush();
  take();
  ASSERT_EQ(e.size(), 9u);  // flush decides every article
  for (auto& [id, event] : e) event = stream.current(event);
  EXPECT_EQ(e["fire2-a"], e["fire2-b"]);
  EXPECT_EQ(e["fire2-c"], e["fire2-b"]);
  EXPECT_NE(e["fire2-a"], e["fire1-a"]);
  EXPECT_EQ(e["fire1-b"], e["fire1-a"]);
  EXPECT_EQ(e["quake-a"], e["quake-c"]);
}

TEST(Events, DuplicatesAndWireCopies) {
  std::string wire =
      "Storm closes ports along the coast\n"
      "A powerful storm forced the closure of five ports along the northern coast on Tuesday, the maritime authority said.\n"
      "Winds of up to 120 kilometres an hour tore roofs off warehouses near the main harbour.\n"
      "Ferry services between the islands were cancelled until at least Thursday morning.\n"
      "Fishermen were told to keep their boats in port as the storm moved slowly east.\n";
  std::vector<Article> a = {
      article("agency", wire),
      article("copy", wire),
      article("rewrite", "Our region braces for the storm\nLocal shops closed early as residents prepared for the worst.\n" +
                             wire.substr(wire.find('\n') + 1) + "Stay with us for live updates through the night.\n"),
  };
  std::vector<Assignment> x = assign_events(a, {});
  EXPECT_EQ(x[1].event, x[0].event);
  EXPECT_EQ(x[1].duplicate_of, "agency");
  EXPECT_EQ(x[2].event, x[0].event);
  EXPECT_EQ(x[2].duplicate_of, "");
  EXPECT_EQ(x[2].wire_of, "agency");
}

TEST(Events, WindowClosesIdleEvents) {
  std::vector<Article> a = {
      article("a1", "Fire destroys Waitrose store in Banstead\nMore than 50 firefighters tackled the blaze at the Waitrose supermarket in Banstead on Friday.", "2022-01-01"),
      article("a2", "Banstead Waitrose blaze\nAbout 50 firefighters fought the Banstead blaze at the Waitrose supermarket through the night.", "2022-01-20"),
  };
  EventOptions o;
  o.batch = 1;
  std::vector<Assignment> x = assign_events(a, o);
  EXPECT_NE(x[0].event, x[1].event);  // 19 days apart: the first event had closed
  o.window_days = 30;
  x = assign_events(a, o);
  EXPECT_EQ(x[0].event, x[1].event);
}

TEST(Events, OpenEventsAreBounded) {
  EventOptions o;
  o.batch = 1;
  o.max_open_events = 2;
  EventStream stream(o);
  for (const Article& a : stories()) stream.add(a);
  stream.flush();
  EXPECT_LE(stream.open_events(), 2u);
  EXPECT_EQ(stream.take().size(), 9u);
}

TEST(Events, PublicationOrder) {
  std::vector<Article> a(4);
  a[0].published = "2022-01-03";
  a[1].published = "";  // undated: stays after the article before it
  a[2].published = "2022-01-01";
  a[3].published = "2022-01-02";
  EXPECT_EQ(publication_order(a), (std::vector<size_t>{2, 3, 0, 1}));
}

TEST(Events, ExampleArticlesFormOneEvent) {
  Input in = read_inputs({CHORUS_EXAMPLES_DIR});
  analyze_all(in.articles, in.problems, 1);
  std::vector<Assignment> x = assign_events(in.articles, {});
  std::set<std::string> events;
  for (const Assignment& a : x) events.insert(a.event);
  EXPECT_EQ(events.size(), 1u);
}

TEST(Events, TenMegabyteArticleAndNoWords) {
  std::string big = "Big story\n";
  while (big.size() < (size_t{10} << 20)) big += "The council approved the new budget for schools and roads on Monday evening. ";
  std::vector<Article> a = {article("big", big)};
  Article empty;
  empty.id = "empty";  // analysed to nothing: no terms, no sentences
  a.push_back(empty);
  std::vector<Assignment> x = assign_events(a, {});
  EXPECT_FALSE(x[0].event.empty());
  EXPECT_FALSE(x[1].event.empty());
  EXPECT_NE(x[0].event, x[1].event);  // an article with no terms is an event of its own
}

TEST(ClusterScore, BCubedAndAri) {
  std::unordered_map<std::string, std::string> gold = {{"a", "1"}, {"b", "1"}, {"c", "2"}, {"d", "2"}};
  ClusterScore perfect = score_clusters(gold, gold);
  EXPECT_DOUBLE_EQ(perfect.f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.adjusted_rand, 1.0);
  std::unordered_map<std::string, std::string> one = {{"a", "x"}, {"b", "x"}, {"c", "x"}, {"d", "x"}};
  ClusterScore s = score_clusters(one, gold);
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  EXPECT_NEAR(s.adjusted_rand, 0.0, 1e-9);
  std::unordered_map<std::string, std::string> singles = {{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}};
  ClusterScore t = score_clusters(singles, gold);
  EXPECT_DOUBLE_EQ(t.precision, 1.0);
  EXPECT_DOUBLE_EQ(t.recall, 0.5);
}

TEST(Signals, DaysAndSimhash) {
  EXPECT_EQ(day_number("1970-01-02"), 1);
  EXPECT_EQ(day_number("2022-01-13") - day_number("2022-01-01"), 12);
  EXPECT_EQ(day_number("not a date"), INT32_MIN);
  Article a = article("a", "The council approved the new budget for schools and roads on Monday evening after a long debate.");
  Article b = article("b", "The council approved the new budget for schools and roads on Monday evening after a long debate!");
  Article c = article("c", "Heavy rain flooded the valley and the river rose above the old stone bridge on Sunday.");
  EXPECT_LE(hamming(signals_of(a).simhash, signals_of(b).simhash), 3);
  EXPECT_GT(hamming(signals_of(a).simhash, signals_of(c).simhash), 10);
}

}  // namespace
}  // namespace chorus
