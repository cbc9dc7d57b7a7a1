# Writes OUT, a C++ file defining the std::string_view chorus::detail::${NAME} with the bytes of IN.
file(READ ${IN} content)
string(FIND "${content}" ")json\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter")
endif()
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace chorus::detail {\nextern const std::string_view ${NAME};\nconst std::string_view ${NAME} = R\"json(${content})json\";\n}\n")
