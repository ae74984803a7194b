#pragma once
// Undo and redo for a design being edited: the edit in progress is compared with the last settled
// design once no control is held, so a whole slider drag, a typed value or a preset is one step.
#include <vector>

#include "design/design.h"

namespace smp {

class DesignHistory {
 public:
  explicit DesignHistory(const Design& start) : settled_(start) {}

  // Call every frame with the design as edited; `editing`: a control is still held (a slider
  // being dragged). Returns true when a new step was recorded.
  bool settle(const Design& current, bool editing);
  // Replaces `current` with the step before (after); false when there is none.
  bool undo(Design& current);
  bool redo(Design& current);
  // A design opened or made anew: no history before it.
  void reset(const Design& start);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  const Design& settled() const { return settled_; }

 private:
  static constexpr std::size_t kDepth = 200;  // steps kept
  Design settled_;
  std::vector<Design> undo_, redo_;
};

}  // namespace smp
