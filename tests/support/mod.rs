//! Helpers shared by the integration tests (`mod support;` in each test file).

use prevent_plan_check::coverage::CategoryCoverage;
use prevent_plan_check::Report;

/// The report's coverage of one category, which the test expects the profile to have.
pub fn coverage_of<'a>(report: &'a Report, id: &str) -> &'a CategoryCoverage {
    report
        .coverage
        .get(id)
        .unwrap_or_else(|| unreachable!("no category {id}"))
}
