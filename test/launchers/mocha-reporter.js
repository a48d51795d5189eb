// The results reporter for `mocha --reporter <path>`, which wants the constructor as the module itself.
'use strict';
module.exports = require('../../out/test/launchers/results-reporter.js').ResultsReporter;
