#include "text/language.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

TEST(Language, IdentifiesFiveLanguages) {
  EXPECT_EQ(detect_language("Russia-led troops began withdrawing from Kazakhstan on Thursday "
                            "after being called in amid unprecedented unrest.").code, "en");
  EXPECT_EQ(detect_language("Войска ОДКБ начали выводить из Казахстана после беспорядков, "
                            "сообщило министерство обороны России.").code, "ru");
  EXPECT_EQ(detect_language("Die von Russland geführten Truppen haben mit dem Abzug aus "
                            "Kasachstan begonnen, teilte das Verteidigungsministerium mit.").code, "de");
  EXPECT_EQ(detect_language("Les troupes dirigées par la Russie ont commencé à se retirer du "
                            "Kazakhstan, a annoncé le ministère de la Défense.").code, "fr");
  EXPECT_EQ(detect_language("Las tropas lideradas por Rusia comenzaron a retirarse de "
                            "Kazajistán, informó el Ministerio de Defensa. El presidente dijo "
                            "que la misión terminó con éxito.").code, "es");
}

TEST(Language, UnknownForNoText) {
  EXPECT_EQ(detect_language("").code, "und");
  EXPECT_EQ(detect_language("12345 67 -- !!").code, "und");
}

}  // namespace
}  // namespace chorus
