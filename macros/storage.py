"""What the practice tools keep in the browser: storage keys, versions and limits.

The STAR planner, the practice coach, the timed drill and the code runner read and write these
keys (localStorage for text, IndexedDB for recordings), and a backup file carries them, so they
are part of the backup's format: change one only with a new version.
"""

from __future__ import annotations

STORY_FORMAT_VERSION = 1
STORY_STORAGE_KEY = f"interview-guide:stories:v{STORY_FORMAT_VERSION}"
STORY_MAX_FILE_BYTES = 1024 * 1024
STORY_MAX_STORIES = 500
# Longest allowed value of each text field of a story, in characters.
STORY_FIELD_LIMITS = {
    "id": 40,
    "title": 200,
    "when": 7,
    "situation": 4000,
    "task": 4000,
    "action": 4000,
    "result": 4000,
    "metrics": 1000,
}
COACH_REVIEWS_VERSION = 1
COACH_REVIEWS_KEY = f"interview-guide:reviews:v{COACH_REVIEWS_VERSION}"
COACH_SCHEDULE_VERSION = 1
COACH_SCHEDULE_KEY = f"interview-guide:schedule:v{COACH_SCHEDULE_VERSION}"
COACH_PLAN_VERSION = 1
COACH_PLAN_KEY = f"interview-guide:plan:v{COACH_PLAN_VERSION}"
# The code runner's store (docs/javascripts/code-runner.js): { version, problems: { id: { code, saved, solved } } }.
CODE_STORAGE_VERSION = 1
CODE_STORAGE_KEY = f"interview-guide:code:v{CODE_STORAGE_VERSION}"
CODE_MAX_CHARS = 50_000  # one problem's code in a backup: far above any interview solution
COACH_DB = {"name": "interview-guide-recordings", "store": "recordings"}
COACH_MAX_REVIEWS = 20  # self-reviews kept per question, the latest ones
BACKUP_FORMAT = "interview-guide-backup"
BACKUP_VERSION = 1
BACKUP_MAX_BYTES = 50 * 1024 * 1024  # recordings included; a text-only backup is far smaller
# A coding problem's key in the coach's reviews, schedule and recordings: never a question id.
CODING_REVIEW_PREFIX = "code:"


def coach_storage_keys() -> dict[str, str]:
    """Every localStorage key the coach reads, by the name the coach (docs/javascripts/coach-*.js) knows it by: what the readiness summary can show."""
    return {
        "stories": STORY_STORAGE_KEY,
        "reviews": COACH_REVIEWS_KEY,
        "schedule": COACH_SCHEDULE_KEY,
        "plan": COACH_PLAN_KEY,
        "code": CODE_STORAGE_KEY,
    }
