#include "relation_index.hpp"

#include "declarations.hpp"
#include "meshery/policy/component_refs.hpp"

namespace meshery::policy::detail {

using nlohmann::json;
using registry::RelationshipDefinition;
using registry::SelectorItem;

RelationIndex::RelationIndex(const std::vector<const RelationshipDefinition*>& definitions) {
  int groups = 0;
  for (const RelationshipDefinition* definition : definitions) {
    if (!handled(*definition)) continue;
    const bool by_value = relatesByValue(*definition);
    const bool hierarchical = sameWord(definition->kind, "hierarchical");
    for (const registry::Selector& selector : definition->selectors) {
      for (const SelectorItem& from : selector.allow.from) {
        for (const SelectorItem& to : selector.allow.to) {
          if (by_value) {
            auto direction = directionOf(from, to);
            if (!direction) continue;
            Link link;
            link.sides[0].item = direction->from_mutates ? &from : &to;
            link.sides[1].item = direction->from_mutates ? &to : &from;
            link.direction = std::move(direction);
            link.hierarchical = hierarchical;
            link.child_side = link.direction->from_mutates ? 0 : 1;
            links_.push_back(std::move(link));
            continue;
          }
          const std::string kind = bindingKindOf(from);
          if (kind.empty() || kind != bindingKindOf(to)) continue;
          for (const SelectorItem* self : {&from, &to}) {
            Link link;
            link.self_item = self;
            link.sides[0].item = self;
            link.sides[1].binding_kind = kind;
            link.group = groups;
            links_.push_back(std::move(link));
          }
          ++groups;
        }
      }
    }
  }
}

bool RelationIndex::onSide(const Link& link, int side, const json& component) const {
  const Side& at = link.sides[side];
  return at.item != nullptr ? admits(*at.item, component)
                            : componentKind(component) == at.binding_kind;
}

std::optional<std::vector<std::string>> RelationIndex::keysOf(const Link& link, int side,
                                                              const json& component) const {
  if (link.direction) return joinKeys(*link.direction, side == 0, component);
  return bindingKeys(*link.self_item, side == 1, component);
}

void RelationIndex::add(const json& component) {
  const std::string id = idOf(component);
  if (id.empty()) return;
  remove(id);
  auto& entries = entries_[id];
  for (std::size_t l = 0; l < links_.size(); ++l) {
    for (int side = 0; side < 2; ++side) {
      if (!onSide(links_[l], side, component)) continue;
      auto keys = keysOf(links_[l], side, component);
      Side& at = links_[l].sides[side];
      if (keys) {
        for (const std::string& key : *keys) at.ids[key].insert(id);
      } else {
        at.any.insert(id);
      }
      entries.push_back({l, side, std::move(keys)});
    }
  }
}

void RelationIndex::remove(const std::string& id) {
  const auto found = entries_.find(id);
  if (found == entries_.end()) return;
  for (const Entry& entry : found->second) {
    Side& at = links_[entry.link].sides[entry.side];
    if (!entry.keys) {
      at.any.erase(id);
      continue;
    }
    for (const std::string& key : *entry.keys) {
      const auto bucket = at.ids.find(key);
      if (bucket == at.ids.end()) continue;
      bucket->second.erase(id);
      if (bucket->second.empty()) at.ids.erase(bucket);
    }
  }
  entries_.erase(found);
}

void RelationIndex::across(const Link& link, int side,
                           const std::optional<std::vector<std::string>>& keys,
                           std::set<std::string>& out) const {
  const Side& other = link.sides[1 - side];
  out.insert(other.any.begin(), other.any.end());
  if (!keys) {
    for (const auto& [key, ids] : other.ids) out.insert(ids.begin(), ids.end());
    return;
  }
  for (const std::string& key : *keys) {
    const auto bucket = other.ids.find(key);
    if (bucket != other.ids.end()) out.insert(bucket->second.begin(), bucket->second.end());
  }
}

const std::optional<std::vector<std::string>>* RelationIndex::storedKeys(const std::string& id,
                                                                        std::size_t link,
                                                                        int side) const {
  const auto found = entries_.find(id);
  if (found == entries_.end()) return nullptr;
  for (const Entry& entry : found->second) {
    if (entry.link == link && entry.side == side) return &entry.keys;
  }
  return nullptr;
}

std::set<std::string> RelationIndex::partners(const json& component) const {
  std::set<std::string> out;
  for (std::size_t l = 0; l < links_.size(); ++l) {
    const Link& link = links_[l];
    for (int side = 0; side < 2; ++side) {
      if (!onSide(link, side, component)) continue;
      std::set<std::string> reached;
      across(link, side, keysOf(link, side, component), reached);
      if (link.group >= 0 && side == 0) {
        // The bindings it may be matched by bring the other side they bind.
        for (std::size_t o = 0; o < links_.size(); ++o) {
          if (o == l || links_[o].group != link.group) continue;
          for (const std::string& binding : reached) {
            if (const auto* keys = storedKeys(binding, o, 1)) across(links_[o], 1, *keys, out);
          }
        }
      }
      out.insert(reached.begin(), reached.end());
    }
  }
  out.erase(idOf(component));
  return out;
}

std::set<std::string> RelationIndex::parents(const json& component) const {
  std::set<std::string> out;
  for (const Link& link : links_) {
    if (!link.hierarchical || !onSide(link, link.child_side, component)) continue;
    across(link, link.child_side, keysOf(link, link.child_side, component), out);
  }
  out.erase(idOf(component));
  return out;
}

}  // namespace meshery::policy::detail
