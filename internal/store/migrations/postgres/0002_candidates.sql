-- 0002: incidents without a point (or only a country) are merge candidates by country and date.
CREATE INDEX incidents_unplaced ON incidents(country, date_end)
    WHERE lat IS NULL OR loc_precision = 'country';
