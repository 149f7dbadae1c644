import { HandlerRegistry } from '../ipc/dispatcher';
import { archiveItem, createCategory, createItem, listCatalog, loadStarter, updateCategory, updateItem } from './catalog';
import { closeDay, dayStatus, xReport, zList, zReport } from './day';
import { closeDrawer, countDrawer, moveCash, openDrawer, readDrawer } from './drawer';
import { checkLedger } from './ledger-check';
import { exportCsv } from './report-csv';
import { clearSplit, pay, planSplit, rateTab } from './settle';
import { getStore, updateStore } from './store';
import { listOpenTabs, readTab } from './tab-read';
import { addLine, compLine, openTab, removeLine, setQty, updateTab, voidTab, writeOffTab } from './tabs';
import { markTokenFound, markTokenMissing, nextFreeToken, tokenPool } from './tokens';
import { changeToken, mergeTabs, moveLines } from './tab-moves';
import { claimSettle, releaseSettle } from './settle-claim';
import { voidLastPayment } from './void-payment';
import { findReceipts, quoteRefund, refundableOf, refundReceipt, refundTab } from './refunds';
import { archiveStaff, createStaff, listStaff, resetPin, unlockStaff, updateStaff } from './staff';
import { staffReport } from './staff-report';
import { dashboard } from './dashboard';
import { dashboardCsv } from './dashboard-csv';
import { activityCsv, listActivity } from './activity';
import { loyaltyForCustomer, redeemLoyalty } from './loyalty';
import {
  appointmentDay,
  appointmentWeek,
  bookAppointment,
  cancelAppointment,
  checkIn,
  customerAppointments,
  getAppointment,
  noShowAppointment,
  takeAppointmentDeposit,
  upcomingAppointments,
  updateAppointment,
} from './appointments';
import { applyDeposit, refundDeposit } from './deposits';
import { archiveCustomer, createCustomer, eraseCustomer, getCustomer, mergeCustomers, searchCustomers, setTabCustomer, updateCustomer } from './customers';

/** Every command of the contract bound to its service; a missing or doubled one throws at start. */
export const handlers = new HandlerRegistry()
  .register('store.get', getStore)
  .register('store.update', updateStore)
  .register('staff.list', listStaff)
  .register('staff.create', createStaff)
  .register('staff.update', updateStaff)
  .register('staff.resetPin', resetPin)
  .register('staff.archive', archiveStaff)
  .register('staff.unlock', unlockStaff)
  .register('catalog.list', listCatalog)
  .register('catalog.createCategory', createCategory)
  .register('catalog.updateCategory', updateCategory)
  .register('catalog.createItem', createItem)
  .register('catalog.updateItem', updateItem)
  .register('catalog.archiveItem', archiveItem)
  .register('catalog.loadStarter', loadStarter)
  .register('token.pool', (ctx) => tokenPool(ctx.db))
  .register('token.next', (ctx) => nextFreeToken(ctx.db))
  .register('token.markMissing', markTokenMissing)
  .register('token.markFound', markTokenFound)
  .register('tab.moveLines', moveLines)
  .register('tab.merge', mergeTabs)
  .register('tab.changeToken', changeToken)
  .register('settle.claim', claimSettle)
  .register('settle.release', releaseSettle)
  .register('tab.open', openTab)
  .register('tab.update', updateTab)
  .register('tab.addLine', addLine)
  .register('tab.setQty', setQty)
  .register('tab.removeLine', removeLine)
  .register('tab.compLine', compLine)
  .register('tab.void', voidTab)
  .register('tab.writeOff', writeOffTab)
  .register('tab.listOpen', (ctx) => listOpenTabs(ctx.db))
  .register('tab.get', (ctx, input) => readTab(ctx.db, input.tabId))
  .register('tab.setCustomer', setTabCustomer)
  .register('customer.search', searchCustomers)
  .register('customer.get', getCustomer)
  .register('customer.create', createCustomer)
  .register('customer.update', updateCustomer)
  .register('customer.archive', archiveCustomer)
  .register('customer.erase', eraseCustomer)
  .register('customer.merge', mergeCustomers)
  .register('appointment.day', appointmentDay)
  .register('appointment.week', appointmentWeek)
  .register('appointment.upcoming', upcomingAppointments)
  .register('appointment.get', getAppointment)
  .register('appointment.forCustomer', customerAppointments)
  .register('appointment.book', bookAppointment)
  .register('appointment.update', updateAppointment)
  .register('appointment.takeDeposit', takeAppointmentDeposit)
  .register('appointment.cancel', cancelAppointment)
  .register('appointment.noShow', noShowAppointment)
  .register('appointment.checkIn', checkIn)
  .register('deposit.apply', applyDeposit)
  .register('deposit.refund', refundDeposit)
  .register('loyalty.redeem', redeemLoyalty)
  .register('loyalty.forCustomer', loyaltyForCustomer)
  .register('settle.split', planSplit)
  .register('settle.pay', pay)
  .register('settle.clearSplit', clearSplit)
  .register('settle.rate', rateTab)
  .register('settle.voidLastPayment', voidLastPayment)
  .register('tab.refundable', refundableOf)
  .register('tab.refundQuote', quoteRefund)
  .register('tab.refund', refundTab)
  .register('refund.receipt', refundReceipt)
  .register('receipt.find', findReceipts)
  .register('ledger.check', (ctx, input) => checkLedger(ctx.db, { full: input.full ?? false, chain: ctx.prepared.chain }))
  .register('drawer.get', (ctx) => readDrawer(ctx.db))
  .register('drawer.open', openDrawer)
  .register('drawer.move', moveCash)
  .register('drawer.count', countDrawer)
  .register('drawer.close', closeDrawer)
  .register('day.status', (ctx) => dayStatus(ctx.db, ctx.now))
  .register('day.close', closeDay)
  .register('report.x', xReport)
  .register('report.z', zReport)
  .register('report.zList', zList)
  .register('report.csv', exportCsv)
  .register('report.staff', staffReport)
  .register('report.dashboard', dashboard)
  .register('report.dashboardCsv', dashboardCsv)
  .register('audit.list', listActivity)
  .register('audit.csv', activityCsv)
  .complete();
