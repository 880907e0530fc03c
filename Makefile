# The two commands of the README: `make run` (the whole stack with demo data) and `make test`.
.PHONY: run test down lint bench docs
run:
	@bash deploy/scripts/run-stack.sh
test:
	@bash deploy/scripts/test.sh
down:
	@bash deploy/scripts/run-stack.sh down
lint:
	@bash deploy/scripts/test.sh lint-only
bench:
	@bash deploy/scripts/bench.sh
docs:
	@bash deploy/scripts/bootstrap.sh && uv run python -m samspil_contracts.generate \
	  && uv run python docs/generate_provider_pages.py \
	  && uv run python clients/python/regenerate.py \
	  && uv run mkdocs build -f docs/providers.mkdocs.yml
