export const appraisalImportRouter = {};
