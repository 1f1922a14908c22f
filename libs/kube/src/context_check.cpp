#include "meshery/kube/context_check.hpp"

#include <algorithm>
#include <future>

namespace meshery::kube {
namespace {

std::string reasonOf(const Error& error) {
  std::string reason = error.message();
  if (!error.cause().empty()) reason += " (" + error.cause() + ")";
  if (!error.remedy().empty()) reason += "; " + error.remedy();
  return reason;
}

/// A cluster that does not answer now may later: the context is kept.
bool transient(const Error& error) {
  return error.code() == ErrorCode::kUnavailable || error.code() == ErrorCode::kTimeout;
}

ContextOutcome check(const Kubeconfig& config, const KubeContext& context,
                     const ContextCheckOptions& options) {
  ContextOutcome outcome;
  outcome.context = context.name;
  outcome.cluster = context.cluster;
  outcome.user = context.user;
  outcome.namespace_ = context.namespace_.empty() ? "default" : context.namespace_;
  if (const KubeCluster* cluster = config.cluster(context.cluster)) outcome.server = cluster->server;
  if (!options.only.empty() &&
      std::find(options.only.begin(), options.only.end(), context.name) == options.only.end()) {
    outcome.result = ContextResult::kIgnored;
    outcome.reason = "not among the contexts asked for";
    return outcome;
  }
  try {
    outcome.resolved = resolveContext(config, context.name, options.exec_allowed);
  } catch (const Error& error) {
    outcome.result = ContextResult::kErrored;
    outcome.reason = reasonOf(error);
    return outcome;
  }
  try {
    ClientLimits limits;
    limits.timeout = options.timeout;
    limits.max_retries = 1;
    KubeClient client(*outcome.resolved, limits);
    outcome.server_version = client.version().git_version;
    outcome.result = ContextResult::kConnected;
  } catch (const Error& error) {
    outcome.result = transient(error) ? ContextResult::kRegistered : ContextResult::kErrored;
    outcome.reason = reasonOf(error);
    if (outcome.result == ContextResult::kErrored) outcome.resolved.reset();
  }
  return outcome;
}

}  // namespace

std::vector<ContextOutcome> checkContexts(const Kubeconfig& config,
                                          const ContextCheckOptions& options) {
  std::vector<ContextOutcome> outcomes(config.contexts.size());
  const std::size_t batch = std::max<std::size_t>(1, options.concurrency);
  for (std::size_t start = 0; start < config.contexts.size(); start += batch) {
    std::vector<std::future<ContextOutcome>> running;
    const std::size_t end = std::min(config.contexts.size(), start + batch);
    for (std::size_t i = start; i < end; ++i) {
      running.push_back(std::async(std::launch::async, [&config, &options, i] {
        return check(config, config.contexts[i], options);
      }));
    }
    for (std::size_t i = start; i < end; ++i) outcomes[i] = running[i - start].get();
  }
  return outcomes;
}

std::string toString(ContextResult result) {
  switch (result) {
    case ContextResult::kConnected:
      return "connected";
    case ContextResult::kRegistered:
      return "registered";
    case ContextResult::kIgnored:
      return "ignored";
    case ContextResult::kErrored:
      return "errored";
  }
  return "errored";
}

}  // namespace meshery::kube
