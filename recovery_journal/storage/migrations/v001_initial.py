"""Version 1: the whole data model of DESIGN.md section 4 (frozen: never edit a shipped one)."""

SQL = """
CREATE TABLE coping_strategies (
    id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    category VARCHAR(60) NOT NULL,
    steps TEXT NOT NULL,
    favourite BOOLEAN NOT NULL,
    source VARCHAR(60) NOT NULL,
    created_utc VARCHAR(27) NOT NULL,
    archived_utc VARCHAR(27),
    PRIMARY KEY (id)
);
CREATE TABLE counters (
    id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    start_date DATE NOT NULL,
    convention VARCHAR(60) NOT NULL,
    created_utc VARCHAR(27) NOT NULL,
    archived_utc VARCHAR(27),
    PRIMARY KEY (id)
);
CREATE TABLE entries (
    id INTEGER NOT NULL,
    local_date DATE NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    mood INTEGER,
    anxiety INTEGER,
    energy INTEGER,
    sleep_hours FLOAT,
    sleep_quality INTEGER,
    bring_to_therapy BOOLEAN NOT NULL,
    created_utc VARCHAR(27) NOT NULL,
    updated_utc VARCHAR(27) NOT NULL,
    deleted_utc VARCHAR(27),
    PRIMARY KEY (id)
);
CREATE INDEX ix_entries_live_date ON entries (deleted_utc, local_date, id);
CREATE TABLE goals (
    id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    notes TEXT NOT NULL,
    target_date DATE,
    created_utc VARCHAR(27) NOT NULL,
    completed_utc VARCHAR(27),
    archived_utc VARCHAR(27),
    PRIMARY KEY (id)
);
CREATE TABLE meta (
    "key" VARCHAR(64) NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY ("key")
);
CREATE TABLE peer_meetings (
    id INTEGER NOT NULL,
    group_name VARCHAR(200) NOT NULL,
    local_date DATE NOT NULL,
    resonated TEXT NOT NULL,
    strategies_learned TEXT NOT NULL,
    created_utc VARCHAR(27) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_peer_meetings_local_date ON peer_meetings (local_date);
CREATE TABLE phases (
    id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    start_date DATE NOT NULL,
    notes TEXT NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE safety_plan_items (
    id INTEGER NOT NULL,
    step VARCHAR(60) NOT NULL,
    text TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_utc VARCHAR(27) NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE support_contacts (
    id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    role VARCHAR(60) NOT NULL,
    reach TEXT NOT NULL,
    safety_step VARCHAR(60),
    notes TEXT NOT NULL,
    created_utc VARCHAR(27) NOT NULL,
    archived_utc VARCHAR(27),
    PRIMARY KEY (id)
);
CREATE TABLE tags (
    id INTEGER NOT NULL,
    name VARCHAR(200) COLLATE "NOCASE" NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name)
);
CREATE TABLE triggers (
    id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    category VARCHAR(60) NOT NULL,
    notes TEXT NOT NULL,
    created_utc VARCHAR(27) NOT NULL,
    archived_utc VARCHAR(27),
    PRIMARY KEY (id)
);
CREATE TABLE warning_signs (
    id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    stage VARCHAR(60) NOT NULL,
    notes TEXT NOT NULL,
    created_utc VARCHAR(27) NOT NULL,
    archived_utc VARCHAR(27),
    PRIMARY KEY (id)
);
CREATE TABLE coping_plan_items (
    id INTEGER NOT NULL,
    strategy_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    trigger_id INTEGER,
    warning_stage VARCHAR(60),
    PRIMARY KEY (id),
    CONSTRAINT ck_plan_one_target CHECK ((trigger_id IS NULL) != (warning_stage IS NULL)),
    FOREIGN KEY(strategy_id) REFERENCES coping_strategies (id),
    FOREIGN KEY(trigger_id) REFERENCES triggers (id)
);
CREATE INDEX ix_coping_plan_items_strategy_id ON coping_plan_items (strategy_id);
CREATE INDEX ix_coping_plan_items_trigger_id ON coping_plan_items (trigger_id);
CREATE TABLE counter_slips (
    id INTEGER NOT NULL,
    counter_id INTEGER NOT NULL,
    local_date DATE NOT NULL,
    context TEXT NOT NULL,
    next_time TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(counter_id) REFERENCES counters (id)
);
CREATE INDEX ix_counter_slips_counter_id ON counter_slips (counter_id);
CREATE TABLE entry_emotions (
    id INTEGER NOT NULL,
    entry_id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    intensity INTEGER NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(entry_id) REFERENCES entries (id) ON DELETE CASCADE
);
CREATE INDEX ix_entry_emotions_entry_id ON entry_emotions (entry_id);
CREATE TABLE entry_revisions (
    id INTEGER NOT NULL,
    entry_id INTEGER NOT NULL,
    replaced_utc VARCHAR(27) NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    mood INTEGER,
    tags TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(entry_id) REFERENCES entries (id) ON DELETE CASCADE
);
CREATE INDEX ix_entry_revisions_entry_id ON entry_revisions (entry_id);
CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL,
    tag_id INTEGER NOT NULL,
    PRIMARY KEY (entry_id, tag_id),
    FOREIGN KEY(entry_id) REFERENCES entries (id) ON DELETE CASCADE,
    FOREIGN KEY(tag_id) REFERENCES tags (id) ON DELETE CASCADE
);
CREATE INDEX ix_entry_tags_tag_id ON entry_tags (tag_id);
CREATE TABLE goal_steps (
    id INTEGER NOT NULL,
    goal_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    position INTEGER NOT NULL,
    done_utc VARCHAR(27),
    PRIMARY KEY (id),
    FOREIGN KEY(goal_id) REFERENCES goals (id) ON DELETE CASCADE
);
CREATE INDEX ix_goal_steps_goal_id ON goal_steps (goal_id);
CREATE TABLE milestones (
    id INTEGER NOT NULL,
    local_date DATE NOT NULL,
    title VARCHAR(200) NOT NULL,
    kind VARCHAR(60) NOT NULL,
    notes TEXT NOT NULL,
    counter_id INTEGER,
    created_utc VARCHAR(27) NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(counter_id) REFERENCES counters (id)
);
CREATE INDEX ix_milestones_local_date ON milestones (local_date);
CREATE TABLE trigger_events (
    id INTEGER NOT NULL,
    trigger_id INTEGER NOT NULL,
    occurred_utc VARCHAR(27) NOT NULL,
    local_date DATE NOT NULL,
    intensity INTEGER NOT NULL,
    context TEXT NOT NULL,
    entry_id INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY(trigger_id) REFERENCES triggers (id),
    FOREIGN KEY(entry_id) REFERENCES entries (id) ON DELETE SET NULL
);
CREATE INDEX ix_trigger_events_local_date ON trigger_events (local_date);
CREATE INDEX ix_trigger_events_trigger_id ON trigger_events (trigger_id);
CREATE TABLE warning_sign_observations (
    id INTEGER NOT NULL,
    sign_id INTEGER NOT NULL,
    observed_utc VARCHAR(27) NOT NULL,
    local_date DATE NOT NULL,
    notes TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(sign_id) REFERENCES warning_signs (id)
);
CREATE INDEX ix_warning_sign_observations_local_date ON warning_sign_observations (local_date);
CREATE INDEX ix_warning_sign_observations_sign_id ON warning_sign_observations (sign_id);
CREATE TABLE coping_uses (
    id INTEGER NOT NULL,
    strategy_id INTEGER NOT NULL,
    used_utc VARCHAR(27) NOT NULL,
    local_date DATE NOT NULL,
    distress_before INTEGER,
    distress_after INTEGER,
    helpfulness INTEGER,
    trigger_event_id INTEGER,
    note TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(strategy_id) REFERENCES coping_strategies (id),
    FOREIGN KEY(trigger_event_id) REFERENCES trigger_events (id) ON DELETE SET NULL
);
CREATE INDEX ix_coping_uses_local_date ON coping_uses (local_date);
CREATE INDEX ix_coping_uses_strategy_id ON coping_uses (strategy_id);
"""
