#include "relationship_selectors.hpp"

#include <string>

#include "document_fields.hpp"

namespace meshery::registry::detail {
namespace {

constexpr std::string_view kEntity = "relationship";

std::string indexed(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

/// A list of key paths (string[][]); numbers become their digits.
std::vector<RefPath> readRefPaths(const nlohmann::json& object, std::string_view key,
                                  const std::string& path) {
  std::vector<RefPath> paths;
  const nlohmann::json* value = member(object, key);
  if (value == nullptr) return paths;
  const std::string field = path + "." + std::string(key);
  if (!value->is_array()) throw invalidField(kEntity, field, "must be an array of key paths");
  for (std::size_t i = 0; i < value->size(); ++i) {
    const nlohmann::json& keys = (*value)[i];
    if (!keys.is_array())
      throw invalidField(kEntity, indexed(field, i), "must be an array of keys");
    RefPath ref;
    for (const auto& part : keys) {
      if (part.is_string()) {
        ref.push_back(part.get<std::string>());
      } else if (part.is_number_integer()) {
        ref.push_back(std::to_string(part.get<long long>()));
      } else {
        throw invalidField(kEntity, indexed(field, i), "must hold strings or array indexes");
      }
    }
    paths.push_back(std::move(ref));
  }
  return paths;
}

std::vector<MatchEntry> readMatchEntries(const nlohmann::json& match, std::string_view key,
                                         const std::string& path) {
  std::vector<MatchEntry> entries;
  const nlohmann::json* value = member(match, key);
  if (value == nullptr) return entries;
  const std::string field = path + "." + std::string(key);
  if (!value->is_array()) throw invalidField(kEntity, field, "must be an array");
  for (std::size_t i = 0; i < value->size(); ++i) {
    const std::string entry_path = indexed(field, i);
    const nlohmann::json& item = (*value)[i];
    if (!item.is_object()) throw invalidField(kEntity, entry_path, "must be an object");
    MatchEntry entry;
    entry.id = optionalString(item, "id", kEntity, entry_path + ".id");
    entry.kind = optionalString(item, "kind", kEntity, entry_path + ".kind");
    entry.mutator_ref = readRefPaths(item, "mutatorRef", entry_path);
    entry.mutated_ref = readRefPaths(item, "mutatedRef", entry_path);
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<std::vector<std::string>> readStrategyMatrix(const nlohmann::json& item,
                                                         const std::string& path) {
  std::vector<std::vector<std::string>> matrix;
  const nlohmann::json* value = member(item, "match_strategy_matrix");
  if (value == nullptr) value = member(item, "matchStrategyMatrix");
  if (value == nullptr) return matrix;
  const std::string field = path + ".match_strategy_matrix";
  if (!value->is_array()) throw invalidField(kEntity, field, "must be an array of string arrays");
  for (std::size_t i = 0; i < value->size(); ++i) {
    const nlohmann::json& row = (*value)[i];
    if (!row.is_array()) throw invalidField(kEntity, indexed(field, i), "must be an array");
    std::vector<std::string> strategies;
    for (const auto& strategy : row) {
      if (!strategy.is_string())
        throw invalidField(kEntity, indexed(field, i), "must hold strings");
      strategies.push_back(strategy.get<std::string>());
    }
    matrix.push_back(std::move(strategies));
  }
  return matrix;
}

SelectorItem readItem(const nlohmann::json& item, const std::string& path) {
  if (!item.is_object()) throw invalidField(kEntity, path, "must be an object");
  SelectorItem result;
  result.id = optionalString(item, "id", kEntity, path + ".id");
  result.kind = optionalString(item, "kind", kEntity, path + ".kind");
  if (result.kind.empty()) result.kind = "*";
  if (const nlohmann::json* model = member(item, "model")) {
    result.model = readModelRef(*model, kEntity, path + ".model");
  }
  if (result.model.name.empty()) result.model.name = "*";
  if (const nlohmann::json* match = member(item, "match")) {
    if (!match->is_object()) throw invalidField(kEntity, path + ".match", "must be an object");
    SelectorMatch parsed;
    parsed.refs = readRefPaths(*match, "refs", path + ".match");
    parsed.from = readMatchEntries(*match, "from", path + ".match");
    parsed.to = readMatchEntries(*match, "to", path + ".match");
    result.match = std::move(parsed);
  }
  result.match_strategy_matrix = readStrategyMatrix(item, path);
  if (const nlohmann::json* patch = member(item, "patch")) {
    if (!patch->is_object()) throw invalidField(kEntity, path + ".patch", "must be an object");
    SelectorPatch parsed;
    parsed.patch_strategy =
        optionalString(*patch, "patchStrategy", kEntity, path + ".patch.patchStrategy");
    parsed.mutator_ref = readRefPaths(*patch, "mutatorRef", path + ".patch");
    parsed.mutated_ref = readRefPaths(*patch, "mutatedRef", path + ".patch");
    result.patch = std::move(parsed);
  }
  return result;
}

std::vector<SelectorItem> readItems(const nlohmann::json& clause, std::string_view key,
                                    const std::string& path) {
  std::vector<SelectorItem> items;
  const nlohmann::json* value = member(clause, key);
  if (value == nullptr) return items;
  const std::string field = path + "." + std::string(key);
  if (!value->is_array()) throw invalidField(kEntity, field, "must be an array");
  for (std::size_t i = 0; i < value->size(); ++i) {
    items.push_back(readItem((*value)[i], indexed(field, i)));
  }
  return items;
}

SelectorClause readClause(const nlohmann::json* clause, const std::string& path) {
  SelectorClause result;
  if (clause == nullptr) return result;
  if (!clause->is_object()) throw invalidField(kEntity, path, "must be an object {from, to}");
  result.from = readItems(*clause, "from", path);
  result.to = readItems(*clause, "to", path);
  return result;
}

}  // namespace

std::vector<Selector> readSelectors(const nlohmann::json* selectors) {
  std::vector<Selector> result;
  if (selectors == nullptr) return result;
  if (!selectors->is_array()) throw invalidField(kEntity, "selectors", "must be an array");
  for (std::size_t i = 0; i < selectors->size(); ++i) {
    const std::string path = indexed("selectors", i);
    const nlohmann::json& selector = (*selectors)[i];
    if (!selector.is_object()) throw invalidField(kEntity, path, "must be an object {allow, deny}");
    const nlohmann::json* allow = member(selector, "allow");
    if (allow == nullptr) throw invalidField(kEntity, path + ".allow", "is required");
    Selector parsed;
    parsed.allow = readClause(allow, path + ".allow");
    parsed.deny = readClause(member(selector, "deny"), path + ".deny");
    result.push_back(std::move(parsed));
  }
  return result;
}

}  // namespace meshery::registry::detail
