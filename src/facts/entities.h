// Named people, organisations and places in an event's articles, merged across spellings.
//
// Per article, a mention is a run of capitalised words (with "of", "de", "van", ... inside
// and hyphens between), less a leading title ("Russian Defense Minister" in "Russian Defense
// Minister Sergei Shoigu", kept as the mention's role) and a possessive "'s". Across the
// event, mentions are grouped into entities by general rules, never by a table of names:
// equal spelling keys (spelling.h: Toqaev = Tokayev, Kazakstan = Kazakhstan), token-wise equal
// multi-word names (Qasym-Zhomart Toqaev = Kassym-Jomart Tokayev), a surname used alone for
// the person named in full in the same articles (Tokayev), acronyms defined in parentheses or
// matching a name's initials (CSTO = Collective Security Treaty Organization), a name with and
// without a nationality in front (Russian Defense Ministry = Defense Ministry), and a role the
// text gives one person only ("the Kazakh president").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/article.h"
#include "chorus/brief.h"

namespace chorus {

struct Mention {
  uint32_t begin = 0, end = 0;  // bytes of the name in Article::text (title and 's left out)
  uint32_t sentence = 0;        // index into Article::sentences
  std::string surface;          // the name as written
  std::string role;             // the title before it, e.g. "Kazakh president"; or ""
  int entity = -1;              // index into EntityIndex::entities; -1 if not kept
};

struct EntityIndex {
  std::vector<Entity> entities;               // most cited first
  std::vector<std::vector<Mention>> mentions;  // per article, in text order
  // The entity whose canonical name, alias or role (lower case) is `words`; -1 if none.
  int find(std::string_view words) const;
  std::vector<std::pair<std::string, int>> lookup;  // spelling key of a form -> entity
};

// Finds and merges the entities of `articles` (analysed). Articles marked duplicate_of are
// read too (their mentions count) but add nothing new. Entities kept: those named at least
// twice, or once with a clear sign of their kind (a title, an organisation word, a gazetteer
// place). Cost: linear in the tokens, plus the distinct names squared within a spelling
// bucket (small).
EntityIndex find_entities(const std::vector<Article>& articles);

}  // namespace chorus
