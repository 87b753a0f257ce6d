-- A registry row names its icon from the portal's generic icon set; the first rows named it after the module.
UPDATE "modules" SET "icon" = 'first-aid-kit' WHERE "key" = 'safety' AND "icon" = 'safety';--> statement-breakpoint
UPDATE "modules" SET "icon" = 'school' WHERE "key" = 'private-edu' AND "icon" = 'private-edu';--> statement-breakpoint
UPDATE "modules" SET "icon" = 'user' WHERE "key" = 'teachers' AND "icon" = 'teachers';--> statement-breakpoint
UPDATE "modules" SET "icon" = 'coin' WHERE "key" = 'funding' AND "icon" = 'funding';
