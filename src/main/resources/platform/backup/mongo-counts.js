// Documents per collection, one "<database>.<collection> <documents>" line each, sorted by name, for the
// databases in `databases` (defined before this file is evaluated): exact counts, for comparing two
// copies. Used by the mongo-restore job and by scripts/count-rows.sh.
for (const name of databases) {
  const database = db.getSiblingDB(name);
  for (const collection of database.getCollectionNames().filter((c) => !c.startsWith("system.")).sort()) {
    print(name + "." + collection + " " + database.getCollection(collection).countDocuments({}));
  }
}
