package progress

import (
	"context"
	"testing"
)

func TestReportReachesTheReceiverOfItsContext(t *testing.T) {
	var got []Step
	ctx := With(context.Background(), func(s Step) { got = append(got, s) })
	if !Enabled(ctx) || Enabled(context.Background()) {
		t.Fatal("Enabled must tell whether a receiver is there")
	}
	Report(ctx, Step{Message: "Reading", Done: 1, Total: 4, Unit: "groups"})
	Report(context.Background(), Step{Message: "nobody listens"})
	if len(got) != 1 || got[0].Done != 1 || got[0].Total != 4 {
		t.Fatalf("got %+v", got)
	}
}

func TestTasksCancelByID(t *testing.T) {
	var tasks Tasks
	var forwarded []Step
	ctx, done := tasks.Start(context.Background(), "import-1", func(s Step) { forwarded = append(forwarded, s) })
	Report(ctx, Step{Message: "Sending 1 of 3", Done: 0, Total: 3})
	Report(ctx, Step{Message: "Sending 2 of 3", Done: 1, Total: 3})
	if last, ok := tasks.Last("import-1"); !ok || last.Done != 1 || len(forwarded) != 2 {
		t.Fatalf("last %+v %v, forwarded %d", last, ok, len(forwarded))
	}
	if !tasks.Cancel("import-1") {
		t.Fatal("a running task was not found")
	}
	if ctx.Err() == nil {
		t.Fatal("Cancel did not cancel the task's context")
	}
	done()
	if tasks.Cancel("import-1") {
		t.Fatal("a cancelled task is still listed")
	}

	// A run that ends does not remove a later run of the same ID.
	_, first := tasks.Start(context.Background(), "list", nil)
	second, _ := tasks.Start(context.Background(), "list", nil)
	first()
	if !tasks.Cancel("list") || second.Err() == nil {
		t.Fatal("the second run must still be cancellable after the first ended")
	}

	if _, ok := tasks.Last("list"); ok {
		t.Fatal("a cancelled task has no last step")
	}
	plain, end := tasks.Start(context.Background(), "", nil)
	end()
	if plain.Err() != nil || tasks.Cancel("") {
		t.Fatal("an operation without an ID is not registered")
	}
}
