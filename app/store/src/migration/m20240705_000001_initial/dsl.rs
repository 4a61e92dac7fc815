//! A small vocabulary for writing tables by hand. The initial migration
//! spells out its columns instead of deriving them from the entities, so
//! that later edits to an entity cannot silently change what it creates.
//! The column types match what sea-orm derives for the entity fields
//! (String → string, i64 → big_integer, DateTimeUtc → timestamp with time
//! zone, …); `tests` in the crate checks that they agree.

use sea_orm_migration::prelude::*;

pub struct NewTable {
    name: &'static str,
    stmt: TableCreateStatement,
}

/// A table with the usual autoincrement `id` primary key.
pub fn table(name: &'static str) -> NewTable {
    let mut stmt = Table::create();
    stmt.table(name).col(
        ColumnDef::new("id")
            .big_integer()
            .not_null()
            .auto_increment()
            .primary_key(),
    );
    NewTable { name, stmt }
}

/// A table whose primary key is a string chosen by the caller.
pub fn table_with_string_key(name: &'static str) -> NewTable {
    let mut stmt = Table::create();
    stmt.table(name)
        .col(ColumnDef::new("id").string().not_null().primary_key());
    NewTable { name, stmt }
}

impl NewTable {
    fn add(mut self, mut col: ColumnDef, null: bool) -> Self {
        if null {
            col.null();
        } else {
            col.not_null();
        }
        self.stmt.col(col);
        self
    }

    pub fn string(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).string().take(), false)
    }
    pub fn string_opt(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).string().take(), true)
    }
    pub fn text(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).text().take(), false)
    }
    pub fn text_opt(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).text().take(), true)
    }
    pub fn int(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).integer().take(), false)
    }
    pub fn int_opt(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).integer().take(), true)
    }
    pub fn big(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).big_integer().take(), false)
    }
    pub fn big_opt(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).big_integer().take(), true)
    }
    pub fn float(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).double().take(), false)
    }
    pub fn float_opt(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).double().take(), true)
    }
    pub fn flag(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).boolean().take(), false)
    }
    pub fn date(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).date().take(), false)
    }
    pub fn date_opt(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).date().take(), true)
    }
    pub fn time(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).timestamp_with_time_zone().take(), false)
    }
    pub fn time_opt(self, c: &'static str) -> Self {
        self.add(ColumnDef::new(c).timestamp_with_time_zone().take(), true)
    }

    /// A required reference to `target.id`.
    pub fn refs(self, c: &'static str, target: &'static str) -> Self {
        self.big(c).foreign_key(c, target)
    }
    /// An optional reference to `target.id`.
    pub fn refs_opt(self, c: &'static str, target: &'static str) -> Self {
        self.big_opt(c).foreign_key(c, target)
    }

    // No ON DELETE actions: nothing that was reported is ever removed by a
    // cascade; the few deletions (demo reset) name every table in order.
    fn foreign_key(mut self, c: &'static str, target: &'static str) -> Self {
        self.stmt.foreign_key(
            ForeignKey::create()
                .name(format!("fk-{}-{}", self.name, c))
                .from(self.name, c)
                .to(target, "id"),
        );
        self
    }

    pub fn build(self) -> TableCreateStatement {
        self.stmt
    }
}

/// An index over `cols` of `table`, named after them.
pub fn index(table: &'static str, cols: &[&'static str], unique: bool) -> IndexCreateStatement {
    let mut idx = Index::create();
    idx.name(format!("idx-{}-{}", table, cols.join("-"))).table(table);
    for c in cols {
        idx.col(*c);
    }
    if unique {
        idx.unique();
    }
    idx
}
