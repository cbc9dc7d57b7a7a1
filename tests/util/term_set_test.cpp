#include "util/term_set.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <vector>

namespace chorus {
namespace {

// The flat sets agree with std::set through growth, collisions of low bits and the term 0.
TEST(TermSet, AgreesWithAnOrderedSet) {
  std::mt19937_64 random(11);
  TermSet set;
  std::set<uint64_t> expected;
  for (int i = 0; i < 5000; ++i) {
    // Few distinct low bits, so that probes run past each other.
    uint64_t term = (random() << 8) | (random() % 4);
    if (i % 7 == 0 && !expected.empty()) term = *expected.begin();  // inserted twice
    set.insert(term);
    expected.insert(term);
  }
  EXPECT_EQ(set.size(), expected.size());
  for (uint64_t t : expected) EXPECT_TRUE(set.contains(t)) << t;
  for (int i = 0; i < 5000; ++i) {
    uint64_t t = random();
    EXPECT_EQ(set.contains(t), expected.count(t) > 0) << t;
  }
  TermSet zero{0};
  EXPECT_TRUE(zero.contains(0));
  EXPECT_FALSE(zero.contains(2));
}

TEST(TermSet, ForEachGivesEachTermOnce) {
  TermSet set;
  std::set<uint64_t> expected;
  for (uint64_t i = 1; i <= 1000; ++i) {
    set.insert(i * 0x9E3779B97F4A7C15ULL);
    set.insert(i * 0x9E3779B97F4A7C15ULL);  // twice: given once
    expected.insert(i * 0x9E3779B97F4A7C15ULL);
  }
  std::vector<uint64_t> seen;
  set.for_each([&](uint64_t t) { seen.push_back(t); });
  EXPECT_EQ(std::set<uint64_t>(seen.begin(), seen.end()), expected);
  EXPECT_EQ(seen.size(), expected.size());
  std::vector<uint64_t> zero;
  TermSet{0}.for_each([&](uint64_t t) { zero.push_back(t); });
  EXPECT_EQ(zero, std::vector<uint64_t>{1});
}

// A sparse table holds the same terms: reserved before the inserts, and after some.
TEST(TermSet, ReserveSparseKeepsTheTerms) {
  TermSet before, after;
  before.reserve_sparse(40);
  for (uint64_t i = 1; i <= 40; ++i) {
    before.insert(i << 20);
    after.insert(i << 20);
    if (i == 20) after.reserve_sparse(40);
  }
  for (uint64_t i = 1; i <= 40; ++i) {
    EXPECT_TRUE(before.contains(i << 20));
    EXPECT_TRUE(after.contains(i << 20));
  }
  EXPECT_FALSE(before.contains(41 << 20));
  EXPECT_FALSE(after.contains(3));
  EXPECT_EQ(before.size(), 40u);
  EXPECT_EQ(after.size(), 40u);
}

TEST(TermIndex, StoresAndReplaces) {
  TermIndex index;
  for (uint32_t i = 0; i < 3000; ++i) index.insert(uint64_t{i} << 16, i);
  for (uint32_t i = 0; i < 3000; ++i) {
    const uint32_t* v = index.find(uint64_t{i} << 16);
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(*v, i);
  }
  EXPECT_EQ(index.find(12345), nullptr);
  index.insert(uint64_t{7} << 16, 99);
  EXPECT_EQ(*index.find(uint64_t{7} << 16), 99u);
}

}  // namespace
}  // namespace chorus
