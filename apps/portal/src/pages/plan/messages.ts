import { defineMessages } from '@hyedu/ui';

export const usePlanMessages = defineMessages({
  'zh-CN': {
    tasks: '任务分解', lead: '牵头', coOwners: '配合', units: '承办县市区', allUnits: '全部县市区', cityOnly: '市本级', open: '进展',
    milestones: '时间节点', due: '截止', doneOn: '完成日期', markDone: '标记完成', reopen: '撤销完成',
    reports: '进展报告', period: '报告期', unit: '报送单位', status: '进展状态', review: '审核', narrative: '进展情况', figures: '报送数据', submittedBy: '报送人', submittedAt: '报送时间',
    submit: '提交报告', resubmit: '重新提交', newReport: '报送进展', approve: '审核通过', returnIt: '退回', returnReason: '退回原因', history: '操作记录', cancel: '取消',
    submitted: '报告已提交，等待牵头科室审核', reportedMonths: '本单位已报送：', period_open: '未报送', period_submitted: '待审核', period_reviewed: '已审核', period_returned: '已退回，可重新提交', noOpenPeriod: '没有可报送的月份', allPeriodsReported: '本年度各月均已报送，无需新的报告。', reviewedOne: '已审核通过：{unit} {period} 的进展报告', returnedOne: '已退回：{unit} {period} 的进展报告，报送单位将看到退回原因', reviewed: '已审核通过', returned: '已退回，并通知报送单位', noReports: '暂无进展报告', returnedNote: '退回原因：{r}',
    instructions: '领导批示', instruct: '写批示', instructPlaceholder: '批示内容', send: '发布批示', acknowledge: '确认收到', acked: '{who} 已确认', pending: '待确认', noInstructions: '暂无批示',
    deadlines: '时间节点提醒', thisWeek: '本周到期', overdue: '已逾期', noDeadlines: '本周没有到期的时间节点，也没有逾期事项。', reviewQueue: '待我审核', noQueue: '没有待审核的报告',
    attachments: '附件', attachHint: 'PDF、JPG、PNG、Word 或 Excel，每个不超过5MB，最多5个。',
    label: '指标', value: '数值', unitOfValue: '单位', addFigure: '添加数据', remove: '删除', taskNotFound: '任务不存在', item: '第{n}项',
  },
  'en-US': {
    tasks: 'Tasks', lead: 'Lead', coOwners: 'With', units: 'Counties', allUnits: 'All counties', cityOnly: 'City level', open: 'Progress',
    milestones: 'Milestones', due: 'Due', doneOn: 'Done on', markDone: 'Mark done', reopen: 'Reopen',
    reports: 'Progress reports', period: 'Period', unit: 'Unit', status: 'Status', review: 'Review', narrative: 'Progress', figures: 'Figures', submittedBy: 'By', submittedAt: 'Submitted',
    submit: 'Submit report', resubmit: 'Resubmit', newReport: 'Report progress', approve: 'Approve', returnIt: 'Return', returnReason: 'Reason for returning', history: 'History', cancel: 'Cancel',
    submitted: 'Report submitted; the lead department will review it', reportedMonths: 'Reported by your unit:', period_open: 'Not reported', period_submitted: 'Awaiting review', period_reviewed: 'Reviewed', period_returned: 'Returned, may resubmit', noOpenPeriod: 'No month left to report', allPeriodsReported: 'Every month of the year is reported; no new report is needed.', reviewedOne: 'Approved: the progress report of {unit} for {period}', returnedOne: 'Returned: the progress report of {unit} for {period}; the unit will see the reason', reviewed: 'Approved', returned: 'Returned to the reporting unit', noReports: 'No reports yet', returnedNote: 'Returned: {r}',
    instructions: 'Instructions', instruct: 'Write an instruction', instructPlaceholder: 'Instruction', send: 'Publish', acknowledge: 'Acknowledge', acked: 'acknowledged by {who}', pending: 'not yet acknowledged', noInstructions: 'No instructions',
    deadlines: 'Deadlines', thisWeek: 'Due this week', overdue: 'Overdue', noDeadlines: 'Nothing due this week and nothing overdue.', reviewQueue: 'Waiting for my review', noQueue: 'No reports to review',
    attachments: 'Attachments', attachHint: 'PDF, JPG, PNG, Word or Excel, up to 5 MB each, at most 5.',
    label: 'Figure', value: 'Value', unitOfValue: 'Unit', addFigure: 'Add a figure', remove: 'Remove', taskNotFound: 'Task not found', item: 'Item {n}',
  },
});
